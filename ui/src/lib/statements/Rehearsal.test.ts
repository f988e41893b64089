import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Rehearsal from './Rehearsal.svelte';

const TEXT =
  'Thank you, Mr. President. We welcome the review.\n\nWe urge action now.\n\nThank you.';

function renderRehearsal() {
  let clock = 0;
  const props = {
    title: 'Oral statement',
    text: TEXT,
    limitSeconds: 10,
    wordsPerMinute: 120,
    onclose: vi.fn(),
    now: () => clock,
  };
  render(Rehearsal, props);
  return {
    props,
    user: userEvent.setup(),
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
  };
}

describe('Rehearsal', () => {
  it('counts down, moves on by paragraph, shows the pace, and goes red past the limit', async () => {
    const { advance, user } = renderRehearsal();
    const rehearsal = screen.getByTestId('rehearsal');
    expect(rehearsal).toHaveFocus();
    expect(screen.getByTestId('countdown')).toHaveTextContent('0:10');
    expect(screen.getByTestId('pace')).toHaveTextContent('pace: —');

    // The first Space starts the clock; the next ones move on.
    await user.keyboard(' ');
    expect(screen.getByTestId('rehearsal-pause')).toBeInTheDocument();
    advance(4);
    await user.keyboard('{ArrowRight}');
    // 8 words in 4 s: 120 words a minute, as planned.
    expect(screen.getByTestId('pace')).toHaveTextContent('pace: 120 words a minute — on time');
    expect(screen.getByTestId('countdown')).toHaveTextContent('0:06');
    const current = () =>
      within(rehearsal)
        .getAllByTestId('rehearsal-sentence')
        .findIndex((el) => el.classList.contains('here'));
    expect(current()).toBe(2);

    advance(8);
    await user.keyboard(' ');
    expect(screen.getByTestId('countdown')).toHaveTextContent('+0:02');
    expect(screen.getByTestId('countdown')).toHaveClass('over');
    // 12 words in 12 s at a planned 120: 6 s behind.
    expect(screen.getByTestId('pace')).toHaveTextContent('pace: 60 words a minute — 6 s behind');

    await user.keyboard('{ArrowLeft}');
    expect(current()).toBe(2);
    await user.click(within(rehearsal).getAllByTestId('rehearsal-sentence')[1]!);
    expect(current()).toBe(1);

    await user.click(screen.getByTestId('rehearsal-pause'));
    await user.click(screen.getByTestId('rehearsal-reset'));
    expect(screen.getByTestId('countdown')).toHaveTextContent('0:10');
    expect(current()).toBe(0);
  });

  it('leaves with Escape or the button', async () => {
    const { props, user } = renderRehearsal();
    await user.keyboard('{Escape}');
    expect(props.onclose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId('rehearsal-close'));
    expect(props.onclose).toHaveBeenCalledTimes(2);
  });
});
