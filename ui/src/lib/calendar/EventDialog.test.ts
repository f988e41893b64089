import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakeBackend } from '../../dev/fakeBackend';
import type { CalendarEvent } from '../ipc/types';
import EventDialog from './EventDialog.svelte';
import { speakersList } from '../../test/fixtures';

function renderDialog(event: CalendarEvent) {
  const backend = installFakeBackend();
  const props = { event, onsaved: vi.fn(), onclose: vi.fn() };
  render(EventDialog, props);
  return { backend, props, user: userEvent.setup() };
}

const speakers = speakersList();

describe('EventDialog', () => {
  it('shows the rule and sets a confirmed date', async () => {
    const { backend, props, user } = renderDialog(speakers);
    expect(screen.getByTestId('event-rule')).toHaveTextContent('The Friday before');
    expect(screen.getByTestId('event-rule')).toHaveTextContent('UPR Info');
    expect(screen.getByTestId('event-rule-date')).toHaveTextContent('19 Feb 2021');
    expect(screen.getByTestId('event-date')).toHaveValue('2021-02-19');
    expect(screen.queryByTestId('event-reset')).not.toBeInTheDocument();

    await user.clear(screen.getByTestId('event-date'));
    await user.type(screen.getByTestId('event-date'), '2021-02-18');
    await user.click(screen.getByTestId('event-confirmed'));
    await user.click(screen.getByTestId('event-save'));

    await waitFor(() => expect(props.onsaved).toHaveBeenCalled());
    expect(backend.callsTo('set_event_date')[0]?.args).toEqual({
      edit: { review_id: 1, kind: 'speakers_list_opens', date: '2021-02-18', confirmed: true },
    });
    expect(props.onsaved.mock.calls[0]?.[0]).toBe(
      '“Speakers list registration opens (HRC 46)” set to 18 Feb 2021, confirmed.',
    );
  });

  it('gives an edited date back to its rule', async () => {
    const { backend, props, user } = renderDialog({
      ...speakers,
      date: '2021-02-18',
      edited: true,
      rule_date: '2021-02-19',
    });
    expect(screen.getByTestId('event-rule-date')).toHaveTextContent('19 Feb 2021');
    await user.click(screen.getByTestId('event-reset'));
    await waitFor(() => expect(props.onsaved).toHaveBeenCalled());
    expect(backend.callsTo('reset_event_date')[0]?.args).toEqual({
      reviewId: 1,
      kind: 'speakers_list_opens',
    });
  });

  it('needs a day, and closes without saving when nothing changed', async () => {
    const { backend, props, user } = renderDialog(speakers);
    await user.clear(screen.getByTestId('event-date'));
    await user.click(screen.getByTestId('event-save'));
    expect(screen.getByText('Choose a day.')).toBeInTheDocument();
    await user.type(screen.getByTestId('event-date'), '2021-02-19');
    await user.click(screen.getByTestId('event-save'));
    expect(props.onclose).toHaveBeenCalled();
    expect(backend.callsTo('set_event_date')).toHaveLength(0);
  });
});
