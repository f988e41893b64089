// When an event or a deadline falls, in words, and whether a deadline is overdue. Dates are days
// in the event's own time zone (Geneva, Europe/Zurich, for the Council's events), so "today" and
// "overdue" are worked out in that zone, whatever the computer's zone is.
import { formatDate } from '../format';
import type { CalendarEvent, Deadline, DeadlineStatus } from '../ipc/types';

export const GENEVA = 'Europe/Zurich';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  to_do: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

const DAY_MS = 86_400_000;

/** A formatter per zone (they are slow to make); null when the zone is unknown. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    let made: Intl.DateTimeFormat | null = null;
    try {
      made = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      made = null;
    }
    formatters.set(zone, made);
  }
  return formatters.get(zone) ?? null;
}

/** The wall clock in `zone` at `instant`, as if it were UTC (ms); null for an unknown zone. */
function wallClock(instant: number, zone: string): number | null {
  const format = formatter(zone);
  if (!format) return null;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    (parts['hour'] ?? 0) % 24,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
}

function parseDate(date: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function parseTime(time: string | null): [number, number] {
  const match = time ? /^(\d{1,2}):(\d{2})/.exec(time) : null;
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/**
 * The instant (ms since the epoch) of `date` at `time` (midnight when null) in `zone` (the
 * computer's zone when null or unknown). NaN when the date cannot be read.
 */
export function zonedInstant(date: string, time: string | null, zone: string | null): number {
  const day = parseDate(date);
  if (!day) return Number.NaN;
  const [year, month, dayOfMonth] = day;
  const [hours, minutes] = parseTime(time);
  const asUtc = Date.UTC(year, month - 1, dayOfMonth, hours, minutes);
  const offsetAt = (instant: number): number | null => {
    const wall = zone ? wallClock(instant, zone) : null;
    return wall === null ? null : wall - instant;
  };
  const first = offsetAt(asUtc);
  if (first === null) return new Date(year, month - 1, dayOfMonth, hours, minutes).getTime();
  // Once more with the offset at the guess: right across a change of summer time.
  const second = offsetAt(asUtc - first) ?? first;
  return asUtc - second;
}

/** Today in `zone` (the computer's zone when null or unknown), as YYYY-MM-DD. */
export function todayIn(zone: string | null, now: Date): string {
  const wall = zone ? wallClock(now.getTime(), zone) : null;
  if (wall === null) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  return new Date(wall).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / DAY_MS);
}

/** 0 → "today", 1 → "tomorrow", 12 → "in 12 days", -1 → "yesterday", -3 → "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "Europe/Zurich" → "Geneva", "America/New_York" → "New York". */
export function zoneLabel(zone: string | null): string {
  if (!zone) return '';
  if (zone === GENEVA || zone === 'Europe/Geneva') return 'Geneva';
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/** "17 Mar 2021", or "17 Mar 2021, 10:00 Geneva" when it has a time. */
export function whenLabel(date: string, time: string | null, zone: string | null): string {
  const day = formatDate(date);
  if (!time) return day;
  const label = zoneLabel(zone);
  return `${day}, ${time}${label ? ` ${label}` : ''}`;
}

/** When a deadline is due: at its time, or at the end of its day when it has none. */
export function dueInstant(
  deadline: Pick<Deadline, 'due_date' | 'due_time' | 'time_zone'>,
): number {
  if (deadline.due_time) {
    return zonedInstant(deadline.due_date, deadline.due_time, deadline.time_zone);
  }
  const day = parseDate(deadline.due_date);
  if (!day) return Number.NaN;
  const next = new Date(Date.UTC(day[0], day[1] - 1, day[2]) + DAY_MS).toISOString().slice(0, 10);
  return zonedInstant(next, null, deadline.time_zone);
}

/** A deadline not done whose due time has passed. */
export function isOverdue(
  deadline: Pick<Deadline, 'due_date' | 'due_time' | 'time_zone' | 'status'>,
  now: Date,
): boolean {
  if (deadline.status === 'done') return false;
  const due = dueInstant(deadline);
  return !Number.isNaN(due) && due <= now.getTime();
}

export interface NextDeadlines {
  /** The organization's deadlines not done whose time has passed, the oldest first. */
  overdue: CalendarEvent[];
  /** The next events from today on, soonest first. */
  upcoming: CalendarEvent[];
}

/** An event's deadline is overdue (as the calendar said, or since, as time went by). */
function eventOverdue(event: CalendarEvent, now: Date): boolean {
  if (event.kind !== 'custom') return false;
  if (event.deadline?.status === 'done') return false;
  return event.overdue || (event.deadline !== null && isOverdue(event.deadline, now));
}

function eventInstant(event: CalendarEvent): number {
  return zonedInstant(event.date, event.time, event.time_zone);
}

/**
 * What the dashboard shows of a review's calendar: every overdue deadline, then the next `count`
 * events (computed dates and deadlines not done) from today on. An event spanning several days is
 * "from today on" until its last day.
 */
export function nextDeadlines(events: CalendarEvent[], now: Date, count = 3): NextDeadlines {
  const byTime = (a: CalendarEvent, b: CalendarEvent) => eventInstant(a) - eventInstant(b);
  const overdue = events.filter((e) => eventOverdue(e, now)).sort(byTime);
  const upcoming = events
    .filter((e) => {
      if (eventOverdue(e, now)) return false;
      if (e.kind === 'custom' && e.deadline?.status === 'done') return false;
      return (e.end_date ?? e.date) >= todayIn(e.time_zone, now);
    })
    .sort(byTime)
    .slice(0, count);
  return { overdue, upcoming };
}
