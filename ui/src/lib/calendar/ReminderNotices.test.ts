import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakeBackend, type FakeOptions } from '../../dev/fakeBackend';
import type { Deadline, DueReminder } from '../ipc/types';
import ReminderNotices from './ReminderNotices.svelte';

async function setup(options: FakeOptions = {}) {
  const backend = installFakeBackend(options);
  const saved = (await backend.handle('save_deadline', {
    id: null,
    deadline: {
      review_id: 1,
      event_kind: 'written_statement_due',
      title: 'Send our written statement',
      due_date: '2021-03-04',
      due_time: '12:00',
      time_zone: 'Europe/Zurich',
      owner: '',
      status: 'to_do',
      notes: '',
      recommendation_ids: [],
      reminders: [1440],
    },
  })) as Deadline;
  const reminder: DueReminder = {
    reminder_id: saved.reminders[0]!.id,
    deadline_id: saved.id,
    title: saved.title,
    due_date: saved.due_date,
    due_time: saved.due_time,
    time_zone: saved.time_zone,
    review: 'United States of America, WG 36',
    fires_at: saved.reminders[0]!.fires_at,
    overdue: true,
  };
  return { backend, reminder };
}

function props(due: DueReminder[], missed: DueReminder[] = []) {
  return {
    due,
    missed,
    onopen: vi.fn(),
    ondismiss: vi.fn(),
    onsnoozed: vi.fn(),
    onopencalendar: vi.fn(),
    ondismissmissed: vi.fn(),
    onerror: vi.fn(),
  };
}

describe('ReminderNotices', () => {
  it('says what is due, in Geneva’s time, and snoozes it for an hour', async () => {
    const { backend, reminder } = await setup();
    const p = props([reminder]);
    const user = userEvent.setup();
    render(ReminderNotices, p);
    const toast = screen.getByTestId('reminder-toast');
    expect(toast).toHaveTextContent(
      'Reminder: Send our written statement — due 4 Mar 2021, 12:00 Geneva',
    );
    expect(within(toast).getByTestId('reminder-overdue')).toHaveTextContent('Overdue');
    expect(toast).toHaveAttribute('role', 'alert');

    await user.click(within(toast).getByTestId('snooze-hour'));
    await waitFor(() => expect(p.onsnoozed).toHaveBeenCalledWith(reminder, 60));
    expect(backend.callsTo('snooze_reminder')[0]?.args).toEqual({
      id: reminder.reminder_id,
      minutes: 60,
    });
    expect(backend.calendar.reminders(reminder.deadline_id)[0]?.snoozed_until).not.toBeNull();

    await user.click(within(toast).getByText('Snooze 1 day'));
    await waitFor(() => expect(p.onsnoozed).toHaveBeenLastCalledWith(reminder, 1440));
    await user.click(within(toast).getByTestId('reminder-open'));
    expect(p.onopen).toHaveBeenCalledWith(reminder);
    await user.click(within(toast).getByTestId('reminder-dismiss'));
    expect(p.ondismiss).toHaveBeenCalledWith(reminder);
  });

  it('reports a snooze that failed', async () => {
    const error = { kind: 'database', message: 'The database is busy. Try again.' };
    const { reminder } = await setup({ failWith: { snooze_reminder: error } });
    const p = props([reminder]);
    render(ReminderNotices, p);
    await userEvent.setup().click(screen.getByTestId('snooze-hour'));
    await waitFor(() => expect(p.onerror).toHaveBeenCalledWith(error));
    expect(p.onsnoozed).not.toHaveBeenCalled();
  });

  it('lists the reminders missed while Docket was closed, once', async () => {
    const { reminder } = await setup();
    const p = props([], [reminder, { ...reminder, reminder_id: 99, title: 'Call the mission' }]);
    const user = userEvent.setup();
    render(ReminderNotices, p);
    const missed = screen.getByTestId('missed-reminders');
    expect(missed).toHaveTextContent('While Docket was closed, these reminders came due:');
    expect(within(missed).getAllByTestId('missed-reminder')).toHaveLength(2);
    expect(screen.queryByTestId('reminder-toast')).not.toBeInTheDocument();
    await user.click(within(missed).getByTestId('missed-open'));
    expect(p.onopencalendar).toHaveBeenCalled();
    await user.click(within(missed).getByTestId('missed-dismiss'));
    expect(p.ondismissmissed).toHaveBeenCalled();
  });
});
