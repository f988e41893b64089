// Calendar events for tests: the sample's US 2020 review and deadlines around it.
import type { CalendarEvent, Deadline } from '../ipc/types';

/** A computed date of the sample review (United States, WG 36), with `changes` on top. */
export function computed(changes: Partial<CalendarEvent> = {}): CalendarEvent {
  const kind = changes.kind ?? 'adoption';
  return {
    uid: `upr-usa-wg36-${kind}@docket`,
    kind,
    review_id: 1,
    review: 'United States of America, WG 36',
    title: 'Adoption of the outcome (HRC 46)',
    date: '2021-03-17',
    end_date: null,
    time: null,
    time_zone: 'Europe/Zurich',
    confirmed: false,
    edited: false,
    rule: 'During the Council’s 46th session, usually in its fourth week',
    source: 'HRC resolution 16/21',
    rule_date: null,
    deadline: null,
    overdue: false,
    reminder_due: false,
    ...changes,
  };
}

export function deadline(changes: Partial<Deadline> = {}): Deadline {
  const id = changes.id ?? 7;
  return {
    id,
    uid: `deadline-${id}@docket`,
    review_id: 1,
    event_kind: null,
    title: 'Send our written statement',
    due_date: '2021-02-08',
    due_time: null,
    time_zone: 'Europe/Zurich',
    owner: '',
    status: 'to_do',
    notes: '',
    recommendations: [],
    reminders: [],
    created_at: '2021-01-10T10:00:00Z',
    updated_at: '2021-01-10T10:00:00Z',
    ...changes,
  };
}

/** A deadline as the calendar lists it. */
export function deadlineEvent(d: Deadline, changes: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: d.uid,
    kind: 'custom',
    review_id: d.review_id,
    review: d.review_id === null ? null : 'United States of America, WG 36',
    title: d.title,
    date: d.due_date,
    end_date: null,
    time: d.due_time,
    time_zone: d.time_zone,
    confirmed: false,
    edited: false,
    rule: 'Your deadline',
    source: '',
    rule_date: null,
    deadline: d,
    overdue: false,
    reminder_due: false,
    ...changes,
  };
}
