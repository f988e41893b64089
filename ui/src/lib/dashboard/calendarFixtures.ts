// Calendar data for the component tests (the dashboard, the detail pane).
import type { CalendarEvent, Deadline } from '../ipc/types';

export function deadlineFixture(changes: Partial<Deadline> = {}): Deadline {
  return {
    id: 1,
    uid: 'deadline-1@docket',
    review_id: 3,
    event_kind: null,
    title: 'Send the written statement',
    due_date: '2021-03-04',
    due_time: null,
    time_zone: 'Europe/Zurich',
    owner: '',
    status: 'to_do',
    notes: '',
    recommendations: [],
    reminders: [],
    created_at: '2021-01-01T00:00:00Z',
    updated_at: '2021-01-01T00:00:00Z',
    ...changes,
  };
}

export function eventFixture(changes: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'event@docket',
    kind: 'adoption',
    review_id: 3,
    review: 'United States of America, WG 36',
    title: 'Adoption of the outcome (HRC 46)',
    date: '2021-03-17',
    end_date: null,
    time: null,
    time_zone: 'Europe/Zurich',
    confirmed: false,
    edited: false,
    rule: 'WG in Oct/Nov → the March session of the next year',
    source: 'UPR Info',
    rule_date: null,
    deadline: null,
    overdue: false,
    reminder_due: false,
    ...changes,
  };
}

/** One of the organization's deadlines as the calendar lists it. */
export function deadlineEvent(deadline: Deadline, overdue = false): CalendarEvent {
  return eventFixture({
    uid: deadline.uid,
    kind: 'custom',
    title: deadline.title,
    date: deadline.due_date,
    time: deadline.due_time,
    time_zone: deadline.time_zone,
    rule: 'Your deadline',
    source: '',
    deadline,
    overdue,
  });
}
