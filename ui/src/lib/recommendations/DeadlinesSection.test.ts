import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline } from '../../test/fixtures';
import { api } from '../ipc/api';
import type { Deadline } from '../ipc/types';
import DeadlinesSection from './DeadlinesSection.svelte';

vi.mock('../ipc/api', () => ({ api: { recommendationDeadlines: vi.fn() } }));

const deadlines = vi.mocked(api.recommendationDeadlines);

// 5 Mar 2021, 10:30 in Geneva.
const NOW = new Date('2021-03-05T09:30:00Z');

const LATE = deadline({ id: 1, title: 'Brief the mission', due_date: '2021-03-04' });
const THIS_MORNING = deadline({
  id: 2,
  title: 'Send the statement',
  due_date: '2021-03-05',
  due_time: '10:00',
  status: 'in_progress',
  owner: 'Ana',
});
const TODAY = deadline({ id: 3, title: 'Call the embassy', due_date: '2021-03-05' });
const LATER = deadline({
  id: 4,
  title: 'Register for the speakers list',
  due_date: '2021-03-12',
  due_time: '09:00',
});
const DONE = deadline({
  id: 5,
  title: 'Draft the statement',
  due_date: '2021-03-01',
  status: 'done',
});

function setup(props: Partial<{ recommendationId: number; calendarVersion: number }> = {}) {
  const onadd = vi.fn();
  const onopen = vi.fn();
  const user = userEvent.setup();
  const view = render(DeadlinesSection, {
    recommendationId: 101,
    calendarVersion: 1,
    onadd,
    onopen,
    ...props,
  });
  return { onadd, onopen, user, view };
}

function items(): HTMLElement[] {
  return screen.queryAllByTestId('rec-deadline');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  deadlines.mockReset();
  deadlines.mockResolvedValue([LATE, THIS_MORNING, TODAY, LATER, DONE]);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('DeadlinesSection', () => {
  it('lists the linked deadlines with their day, time, zone and status', async () => {
    setup();
    await waitFor(() => expect(items()).toHaveLength(5));
    expect(deadlines).toHaveBeenCalledWith(101);
    const section = screen.getByRole('region', { name: 'Deadlines' });
    expect(section).toHaveAttribute('data-testid', 'rec-deadlines');
    const [late, morning, , later, done] = items();
    expect(late).toHaveTextContent('4 Mar 2021');
    expect(late).toHaveTextContent('Brief the mission');
    expect(late).toHaveTextContent('To do');
    expect(morning).toHaveTextContent('5 Mar 2021, 10:00 Geneva');
    expect(morning).toHaveTextContent('In progress · Ana');
    expect(later).toHaveTextContent('12 Mar 2021, 09:00 Geneva');
    expect(done).toHaveTextContent('Done');
    for (const item of items()) expect(item.tagName).toBe('BUTTON');
  });

  it('marks overdue what is not done and past its day or time', async () => {
    setup();
    await waitFor(() => expect(items()).toHaveLength(5));
    const overdue = items().map((i) => i.hasAttribute('data-overdue'));
    // Late (yesterday), this morning at 10:00 (past 10:30 Geneva); not today's whole day, not
    // next week, not done.
    expect(overdue).toEqual([true, true, false, false, false]);
    expect(within(items()[0]!).getByTestId('overdue-mark')).toHaveTextContent('Overdue');
    expect(within(items()[2]!).queryByTestId('overdue-mark')).not.toBeInTheDocument();
    expect(within(items()[4]!).queryByTestId('overdue-mark')).not.toBeInTheDocument();
  });

  it('opens a deadline and adds one', async () => {
    const { user, onopen, onadd } = setup();
    await waitFor(() => expect(items()).toHaveLength(5));
    await user.click(items()[3]!);
    expect(onopen).toHaveBeenCalledWith(LATER);
    await user.click(screen.getByTestId('add-deadline'));
    expect(onadd).toHaveBeenCalledTimes(1);
  });

  it('says when there is none', async () => {
    deadlines.mockResolvedValue([]);
    setup();
    expect(await screen.findByTestId('rec-deadlines-empty')).toHaveTextContent(
      'No deadline is linked to this recommendation yet.',
    );
    expect(screen.getByTestId('add-deadline')).toBeEnabled();
  });

  it('loads again when the calendar changed, showing only the latest answer', async () => {
    const answers: ((list: Deadline[]) => void)[] = [];
    deadlines.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const { view } = setup();
    await view.rerender({ calendarVersion: 2 });
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!([LATER]);
    await waitFor(() => expect(items()).toHaveLength(1));
    answers[0]!([]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(items()).toHaveLength(1);
    expect(deadlines).toHaveBeenCalledTimes(2);
  });

  it('says why the deadlines could not be loaded, and tries again', async () => {
    deadlines.mockRejectedValueOnce({ kind: 'database', message: 'The database is busy.' });
    const { user } = setup();
    const failed = await screen.findByTestId('rec-deadlines-failed');
    expect(failed).toHaveTextContent('The database is busy.');
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(items()).toHaveLength(5));
  });
});
