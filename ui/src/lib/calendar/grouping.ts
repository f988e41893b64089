// The agenda's sections and the dashboard's next deadlines, without the DOM: what is overdue,
// what comes next, what is past, what is done.
import type { CalendarEvent, Deadline } from '../ipc/types';
import { addDays, todayIn, zonedInstant } from './dates';

export type SectionName = 'overdue' | 'upcoming' | 'past' | 'done';

export const SECTIONS: { name: SectionName; title: string }[] = [
  { name: 'overdue', title: 'Overdue' },
  { name: 'upcoming', title: 'Coming up' },
  { name: 'past', title: 'Past dates' },
  { name: 'done', title: 'Done' },
];

export type AgendaGroups = Record<SectionName, CalendarEvent[]>;

/** The organization's own deadline (rather than a date computed from a review). */
export function deadlineOf(event: CalendarEvent): Deadline | null {
  return event.kind === 'custom' ? event.deadline : null;
}

function isDone(event: CalendarEvent): boolean {
  return deadlineOf(event)?.status === 'done';
}

/** The last day of an event (its day, or the last of several). */
export function lastDay(event: CalendarEvent): string {
  return event.end_date !== null && event.end_date > event.date ? event.end_date : event.date;
}

/**
 * A deadline not done whose due time has passed: as the backend says (it knows the time and
 * zone), or whose day is over on this computer (in case the answer is from yesterday).
 */
export function isOverdue(event: CalendarEvent, today: string): boolean {
  const deadline = deadlineOf(event);
  if (!deadline || deadline.status === 'done') return false;
  return event.overdue || event.date < today;
}

type DueFields = Pick<Deadline, 'due_date' | 'due_time' | 'time_zone'>;

/** When a deadline is due: at its time, or at the end of its day (in its zone) when it has none. */
export function dueInstant(deadline: DueFields): number {
  return deadline.due_time
    ? zonedInstant(deadline.due_date, deadline.due_time, deadline.time_zone)
    : zonedInstant(addDays(deadline.due_date, 1), null, deadline.time_zone);
}

/** A deadline not done whose due time has passed at `now`. */
export function deadlineOverdue(
  deadline: DueFields & Pick<Deadline, 'status'>,
  now: Date,
): boolean {
  if (deadline.status === 'done') return false;
  const due = dueInstant(deadline);
  return !Number.isNaN(due) && due <= now.getTime();
}

/** Date order: day, then whole days before timed ones, then time, then title. */
export function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ta = a.time ?? '';
  const tb = b.time ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.title.localeCompare(b.title);
}

/**
 * The agenda's sections:
 * - overdue: deadlines not done, past due, the oldest first;
 * - upcoming: everything else from today on (an event spanning today included), soonest first;
 * - past: computed dates before today, the most recent first;
 * - done: deadlines done, the most recent first.
 */
export function groupAgenda(events: readonly CalendarEvent[], today: string): AgendaGroups {
  const groups: AgendaGroups = { overdue: [], upcoming: [], past: [], done: [] };
  for (const event of events) {
    if (isDone(event)) groups.done.push(event);
    else if (isOverdue(event, today)) groups.overdue.push(event);
    else if (lastDay(event) >= today) groups.upcoming.push(event);
    else groups.past.push(event);
  }
  groups.overdue.sort(compareEvents);
  groups.upcoming.sort(compareEvents);
  groups.past.sort((a, b) => compareEvents(b, a));
  groups.done.sort((a, b) => compareEvents(b, a));
  return groups;
}

export interface NextDeadlines {
  /** The organization's deadlines not done whose time has passed, the oldest first. */
  overdue: CalendarEvent[];
  /** The next events from today on, soonest first. */
  upcoming: CalendarEvent[];
}

/** A deadline's event is overdue at `now`: as the calendar said, or since, as time went by. */
function overdueAt(event: CalendarEvent, now: Date): boolean {
  const deadline = deadlineOf(event);
  if (!deadline || deadline.status === 'done') return false;
  return event.overdue || deadlineOverdue(deadline, now);
}

function eventInstant(event: CalendarEvent): number {
  return zonedInstant(event.date, event.time, event.time_zone);
}

/**
 * What the dashboard shows of a review's calendar: every overdue deadline, then the next `count`
 * events (computed dates and deadlines not done) from today (in each event's zone) on. An event
 * spanning several days is "from today on" until its last day.
 */
export function nextDeadlines(events: CalendarEvent[], now: Date, count = 3): NextDeadlines {
  const byTime = (a: CalendarEvent, b: CalendarEvent) => eventInstant(a) - eventInstant(b);
  const overdue = events.filter((e) => overdueAt(e, now)).sort(byTime);
  const upcoming = events
    .filter((e) => !overdueAt(e, now) && !isDone(e) && lastDay(e) >= todayIn(e.time_zone, now))
    .sort(byTime)
    .slice(0, count);
  return { overdue, upcoming };
}
