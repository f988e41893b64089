import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { computed, deadline, deadlineEvent } from '../../test/fixtures';
import MonthCalendar from './MonthCalendar.svelte';

const review = computed({
  kind: 'review',
  uid: 'review',
  title: 'Review of the United States',
  date: '2021-02-26',
  end_date: '2021-03-02',
});
const adoption = computed({ uid: 'adoption', date: '2021-03-17', confirmed: true });
const late = deadlineEvent(deadline({ id: 4, due_date: '2021-03-03' }), { overdue: true });

function day(date: string): HTMLElement {
  const found = screen
    .getAllByTestId('month-day')
    .find((el) => el.getAttribute('data-date') === date);
  if (!found) throw new Error(`no day ${date}`);
  return found;
}

describe('MonthCalendar', () => {
  it('opens on the month of the next event, Monday first, with today marked', () => {
    render(MonthCalendar, {
      props: {
        events: [review, adoption, late],
        today: '2021-03-05',
        onevent: vi.fn(),
        onday: vi.fn(),
      },
    });
    expect(screen.getByTestId('month-label')).toHaveTextContent('March 2021');
    const days = screen.getAllByTestId('month-day');
    expect(days[0]).toHaveAttribute('data-date', '2021-03-01');
    expect(day('2021-03-05')).toHaveAttribute('aria-current', 'date');
    expect(day('2021-04-01')).toHaveAttribute('data-outside');
    expect(within(day('2021-03-17')).getByTestId('month-event')).toHaveAttribute(
      'data-kind',
      'adoption',
    );
    // The review's period is on each of its days.
    expect(within(day('2021-03-01')).getByTestId('month-event')).toHaveAttribute(
      'data-uid',
      'review',
    );
    expect(within(day('2021-03-02')).getByTestId('month-event')).toHaveAttribute(
      'data-uid',
      'review',
    );
    expect(within(day('2021-03-03')).getByTestId('month-event')).toHaveAttribute('data-overdue');
  });

  it('moves between months, back to today, and opens events and days', async () => {
    const onevent = vi.fn();
    const onday = vi.fn();
    const user = userEvent.setup();
    render(MonthCalendar, {
      props: { events: [review, adoption], today: '2021-04-10', onevent, onday },
    });
    expect(screen.getByTestId('month-label')).toHaveTextContent('April 2021');
    await user.click(screen.getByTestId('month-prev'));
    expect(screen.getByTestId('month-label')).toHaveTextContent('March 2021');
    await user.click(within(day('2021-03-17')).getByTestId('month-event'));
    expect(onevent).toHaveBeenCalledWith(adoption);
    await user.click(within(day('2021-03-18')).getByTestId('month-day-add'));
    expect(onday).toHaveBeenCalledWith('2021-03-18');
    await user.click(screen.getByTestId('month-prev'));
    await user.click(screen.getByTestId('month-prev'));
    expect(screen.getByTestId('month-label')).toHaveTextContent('January 2021');
    await user.click(screen.getByTestId('month-next'));
    expect(screen.getByTestId('month-label')).toHaveTextContent('February 2021');
    expect(within(day('2021-02-26')).getByTestId('month-event')).toBeInTheDocument();
    await user.click(screen.getByTestId('month-today'));
    expect(screen.getByTestId('month-label')).toHaveTextContent('April 2021');
  });
});
