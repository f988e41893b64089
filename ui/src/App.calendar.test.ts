// The calendar mode through the app: its tab, the agenda and the month of the fake's sample review
// (US 2020), the dialogs it opens (also from a recommendation's pane), reminders and the export.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { installFakeBackend, type FakeBackend, type FakeOptions } from './dev/fakeBackend';
import type { DueReminder } from './lib/ipc/types';
import { newDeadline } from './test/fixtures';

beforeEach(() => {
  // Between the written statements (8 Feb) and the Council's session (22 Feb 2021).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2021-02-20T10:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

async function renderApp(options: FakeOptions = {}, setup?: (backend: FakeBackend) => unknown) {
  const backend = installFakeBackend(options);
  await setup?.(backend);
  const user = userEvent.setup();
  render(App);
  await screen.findAllByTestId('rec-row');
  return { backend, user };
}

async function openCalendar(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('mode-calendar'));
  return screen.findByTestId('agenda');
}

function item(kind: string): HTMLElement {
  const found = screen
    .getAllByTestId('agenda-item')
    .find((el) => el.getAttribute('data-kind') === kind);
  if (!found) throw new Error(`no agenda item of kind ${kind}`);
  return found;
}

describe('calendar mode', () => {
  it('shows the review’s dates, the adoption confirmed, the past open', async () => {
    const { user } = await renderApp();
    await openCalendar(user);
    expect(screen.getByTestId('calendar-review')).toHaveValue('1');
    const adoption = item('adoption');
    expect(adoption).toHaveTextContent('17 Mar 2021');
    expect(within(adoption).getByTestId('badge-confirmed')).toBeInTheDocument();
    expect(within(item('responses_due')).getByTestId('badge-estimated')).toBeInTheDocument();
    // The past is open for one review: the written statements were due on 8 Feb.
    expect(item('written_statement_due')).toHaveTextContent('8 Feb 2021');
    expect(screen.getByTestId('mode-calendar')).toHaveAttribute('aria-selected', 'true');

    // All reviews: the header says so, the other tabs are per review.
    await user.selectOptions(screen.getByTestId('calendar-review'), '');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('All reviews'),
    );
    expect(screen.getByTestId('mode-dashboard')).toBeDisabled();
    expect(screen.getByTestId('mode-calendar')).toBeEnabled();
    expect(await screen.findAllByTestId('agenda-review')).not.toHaveLength(0);
    await user.click(screen.getByTestId('nav-back'));
    await waitFor(() => expect(screen.getByTestId('calendar-review')).toHaveValue('1'));
  });

  it('adds a task for the speakers list, in Geneva’s time, and focus comes back', async () => {
    const { backend, user } = await renderApp();
    await openCalendar(user);
    const add = within(item('speakers_list_opens')).getByTestId('event-add-task');
    await user.click(add);
    const dialog = await screen.findByTestId('deadline-dialog');
    expect(within(dialog).getByTestId('deadline-title')).toHaveValue(
      'Register for the speakers list',
    );
    expect(within(dialog).getByTestId('deadline-date')).toHaveValue('2021-02-19');
    expect(within(dialog).getByTestId('deadline-zone')).toHaveValue('Europe/Zurich');
    await user.click(within(dialog).getByTestId('deadline-save'));

    await waitFor(() => expect(screen.queryByTestId('deadline-dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('save_deadline')[0]?.args['deadline']).toMatchObject({
      review_id: 1,
      event_kind: 'speakers_list_opens',
    });
    expect(await screen.findByTestId('status-message')).toHaveTextContent(
      'Deadline “Register for the speakers list” added, due 19 Feb 2021.',
    );
    // Due yesterday: overdue, in the agenda and on the tab.
    await waitFor(() => expect(item('custom')).toHaveTextContent('Register for the speakers list'));
    expect(within(item('custom')).getByTestId('badge-overdue')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('mode-calendar')).toHaveTextContent('Calendar 1 overdue'),
    );
    await waitFor(() => expect(add).toHaveFocus());

    // Ticked done: no longer overdue.
    await user.click(within(item('custom')).getByTestId('deadline-done'));
    await waitFor(() => expect(screen.queryByTestId('overdue-count')).not.toBeInTheDocument());
    expect(backend.callsTo('set_deadline_status')[0]?.args).toEqual({ id: 1, status: 'done' });
  });

  it('changes a date from the month, and exports the calendar', async () => {
    const { backend, user } = await renderApp();
    await openCalendar(user);
    await user.click(screen.getByTestId('view-month'));
    // The next date is the Council's session on 22 February.
    expect(screen.getByTestId('month-label')).toHaveTextContent('February 2021');
    await user.click(screen.getByTestId('month-next'));
    const adoption = screen
      .getAllByTestId('month-event')
      .find((el) => el.getAttribute('data-kind') === 'adoption')!;
    await user.click(adoption);
    const dialog = await screen.findByTestId('event-dialog');
    await user.clear(within(dialog).getByTestId('event-date'));
    await user.type(within(dialog).getByTestId('event-date'), '2021-03-18');
    await user.click(within(dialog).getByTestId('event-save'));
    await waitFor(() => expect(screen.queryByTestId('event-dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('set_event_date')[0]?.args['edit']).toEqual({
      review_id: 1,
      kind: 'adoption',
      date: '2021-03-18',
      confirmed: true,
    });
    const day18 = screen
      .getAllByTestId('month-day')
      .find((el) => el.getAttribute('data-date') === '2021-03-18')!;
    await waitFor(() => expect(within(day18).getByTestId('month-event')).toBeInTheDocument());

    // An empty day: a new deadline on it.
    const day25 = screen
      .getAllByTestId('month-day')
      .find((el) => el.getAttribute('data-date') === '2021-03-25')!;
    await user.click(within(day25).getByTestId('month-day-add'));
    expect(await screen.findByTestId('deadline-date')).toHaveValue('2021-03-25');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('deadline-dialog')).not.toBeInTheDocument());

    await user.click(screen.getByTestId('export-ics'));
    expect(await screen.findByTestId('status-message')).toHaveTextContent(
      'Saved 8 events to /home/ana/Documents/Docket calendar.ics. Import it in Outlook, Google or Apple Calendar: importing again updates the same events.',
    );
    expect(backend.callsTo('export_ics')[0]?.args).toEqual({ reviewId: 1 });
  });

  it('says nothing when the export is cancelled', async () => {
    const { backend, user } = await renderApp({ icsPath: null });
    await openCalendar(user);
    await user.click(screen.getByTestId('export-ics'));
    await waitFor(() => expect(backend.callsTo('export_ics')).toHaveLength(1));
    expect(screen.queryByTestId('status-message')).not.toBeInTheDocument();
  });

  it('opens the deadline dialog from a recommendation’s pane', async () => {
    const { backend, user } = await renderApp();
    await user.click(screen.getAllByTestId('rec-row')[2]!);
    await user.click(await screen.findByTestId('add-deadline'));
    const dialog = await screen.findByTestId('deadline-dialog');
    expect(within(dialog).getByTestId('deadline-title')).toHaveValue('Follow up on 26.3');
    expect(within(dialog).getByTestId('deadline-recommendation')).toHaveTextContent('26.3');
    await user.click(within(dialog).getByTestId('deadline-save'));
    expect(within(dialog).getByTestId('deadline-date-problem')).toBeInTheDocument();
    await user.type(within(dialog).getByTestId('deadline-date'), '2021-03-01');
    await user.click(within(dialog).getByTestId('deadline-save'));
    await waitFor(() => expect(screen.queryByTestId('deadline-dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('save_deadline')[0]?.args['deadline']).toMatchObject({
      recommendation_ids: [3],
      due_date: '2021-03-01',
    });
    // The pane lists it (it loads again when the calendar changes).
    expect(await screen.findByTestId('rec-deadline')).toHaveTextContent('Follow up on 26.3');
  });
});

describe('reminders', () => {
  const due = (deadlineId: number, reminderId: number): DueReminder => ({
    reminder_id: reminderId,
    deadline_id: deadlineId,
    title: 'Brief the delegations',
    due_date: '2021-02-15',
    due_time: '12:00',
    time_zone: 'Europe/Zurich',
    review: 'United States of America, WG 36',
    fires_at: '2021-02-15T10:00:00Z',
    overdue: true,
  });

  it('shows a reminder that came due, and opens its deadline in the calendar', async () => {
    let id = 0;
    let reminderId = 0;
    const { backend, user } = await renderApp({}, async (b) => {
      const saved = (await b.handle('save_deadline', {
        id: null,
        deadline: newDeadline({
          title: 'Brief the delegations',
          due_date: '2021-02-15',
          due_time: '12:00',
          reminders: [60],
        }),
      })) as { id: number; reminders: { id: number }[] };
      id = saved.id;
      reminderId = saved.reminders[0]!.id;
    });
    await waitFor(() => expect(screen.getByTestId('mode-calendar')).toHaveTextContent('1 overdue'));
    backend.emit({ kind: 'reminders', due: [due(id, reminderId)] });
    const toast = await screen.findByTestId('reminder-toast');
    expect(toast).toHaveTextContent(
      'Reminder: Brief the delegations — due 15 Feb 2021, 12:00 Geneva',
    );
    await user.click(within(toast).getByTestId('reminder-open'));
    expect(screen.queryByTestId('reminder-toast')).not.toBeInTheDocument();
    await waitFor(() => expect(item('custom')).toHaveFocus());
    expect(screen.getByTestId('mode-calendar')).toHaveAttribute('aria-selected', 'true');

    backend.emit({ kind: 'reminders', due: [due(id, reminderId)] });
    await user.click(await screen.findByTestId('snooze-hour'));
    await waitFor(() => expect(screen.queryByTestId('reminder-toast')).not.toBeInTheDocument());
    expect(backend.callsTo('snooze_reminder')[0]?.args).toEqual({ id: reminderId, minutes: 60 });
  });

  it('lists once the reminders missed while Docket was closed', async () => {
    const { backend, user } = await renderApp({ missedReminders: [due(1, 1)] });
    const missed = await screen.findByTestId('missed-reminders');
    expect(missed).toHaveTextContent('While Docket was closed, these reminders came due:');
    expect(missed).toHaveTextContent('Brief the delegations — due 15 Feb 2021, 12:00 Geneva');
    expect(backend.callsTo('take_missed_reminders')).toHaveLength(1);
    await user.click(within(missed).getByTestId('missed-open'));
    expect(screen.queryByTestId('missed-reminders')).not.toBeInTheDocument();
    expect(await screen.findByTestId('calendar-view')).toBeInTheDocument();
  });
});
