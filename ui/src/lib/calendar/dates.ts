// Days, times and zones of the calendar, without the computer's locale: dates read the way UN
// documents write them ("17 Mar 2021"), the same on every computer (and in tests).
//
// A day is a `YYYY-MM-DD` string; arithmetic on days goes through UTC so that daylight saving
// never shifts a day. An event's day is a day in its own zone (Geneva, Europe/Zurich, for the
// Council's events): "today" and the instant of a time are worked out in that zone, whatever the
// computer's zone is.
import { formatDate } from '../format';
import type { CalendarEvent } from '../ipc/types';

/** An instant in the computer's local time: "9 Nov 2026, 14:03". */
export { formatDateTime } from '../format';

/** Geneva's zone (IANA): the Council's and the Working Group's events. */
export const GENEVA = 'Europe/Zurich';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Monday first, as the calendar's columns. */
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "2021-03-17" → "17 Mar 2021" (anything else as written). */
export const formatDay = formatDate;

const pad = (n: number): string => String(n).padStart(2, '0');

const DAY_MS = 86_400_000;

/** (year, month 1-12, day) of a day written `YYYY-MM-DD`, or null when it is not written so. */
function parseDay(text: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Whether `text` is a real day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const day = parseDay(text);
  if (!day) return false;
  const [y, m, d] = day;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whether `text` is a time written `HH:MM` (24 hours). */
export function isTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

function toUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day `n` days after `iso` (before, for a negative `n`). */
export function addDays(iso: string, n: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Days from `from` to `to` (positive when `to` is later); 0 when either is not a day. */
export function daysBetween(from: string, to: string): number {
  if (!parseDay(from) || !parseDay(to)) return 0;
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** 0 → "today", 1 → "tomorrow", 12 → "in 12 days", -1 → "yesterday", -3 → "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** "Wednesday 17 March 2021", for screen readers and tooltips. */
export function longDay(iso: string): string {
  if (!isIsoDay(iso)) return iso;
  const date = toUtc(iso);
  return `${WEEKDAYS[weekday(iso)]} ${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** (2021, 3) → "March 2021"; `month` is 1-12. */
export function monthLabel(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** Today in the computer's own time, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The computer's time zone (IANA), UTC when the system does not say. */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether the system knows this IANA zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A zone in words: "Geneva" for Europe/Zurich, else its city ("America/New_York" → "New York"). */
export function zoneLabel(zone: string | null): string {
  if (!zone) return '';
  if (zone === GENEVA) return 'Geneva';
  const city = zone.split('/').at(-1) ?? zone;
  return city.replace(/_/g, ' ');
}

/**
 * The zones a deadline can be in: Geneva's, the computer's, and `current`, the one it has (set
 * elsewhere: "New York (America/New_York)").
 */
export function zoneChoices(current: string): { value: string; label: string }[] {
  const here = localZone();
  const zones = [{ value: GENEVA, label: 'Geneva (Europe/Zurich)' }];
  if (here !== GENEVA) zones.push({ value: here, label: `This computer (${here})` });
  if (current !== GENEVA && current !== here) {
    zones.push({ value: current, label: `${zoneLabel(current)} (${current})` });
  }
  return zones;
}

/**
 * A day and maybe a time: "17 Mar 2021", or "4 Mar 2021, 12:00 Geneva" when timed (the zone said
 * only with a time: a whole day is the same day everywhere people look at it).
 */
export function formatWhen(date: string, time: string | null, zone: string | null): string {
  const day = formatDay(date);
  if (!time) return day;
  const where = zoneLabel(zone);
  return where ? `${day}, ${time} ${where}` : `${day}, ${time}`;
}

/** A period: "2–13 Nov 2020", "29 Apr – 10 May 2024", "30 Dec 2024 – 3 Jan 2025". */
export function formatRange(start: string, end: string | null): string {
  if (!end || end === start || !isIsoDay(start) || !isIsoDay(end)) return formatDay(start);
  const [sy, sm] = start.split('-');
  const [ey, em] = end.split('-');
  const first = formatDay(start).split(' ');
  const last = formatDay(end);
  if (sy === ey && sm === em) return `${first[0]}–${last}`;
  if (sy === ey) return `${first[0]} ${first[1]} – ${last}`;
  return `${formatDay(start)} – ${last}`;
}

/** When an event is, as the agenda and the month write it: its period, or its day and time. */
export function formatEventWhen(
  event: Pick<CalendarEvent, 'date' | 'end_date' | 'time' | 'time_zone'>,
): string {
  return event.end_date && event.end_date !== event.date
    ? formatRange(event.date, event.end_date)
    : formatWhen(event.date, event.time, event.time_zone);
}

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
function wallClock(instant: number, zone: string | null): number | null {
  const format = zone ? formatter(zone) : null;
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

/**
 * The instant (ms since 1970) of a wall-clock day and time (midnight when null) in `zone` (the
 * computer's zone when null or unknown), e.g. 4 Mar 2021 12:00 in Geneva → 11:00 UTC. A time
 * skipped by daylight saving moves forward, as clocks do. NaN when the day cannot be read.
 */
export function zonedInstant(date: string, time: string | null, zone: string | null): number {
  const day = parseDay(date);
  if (!day) return Number.NaN;
  const [year, month, dayOfMonth] = day;
  const clock = time ? /^(\d{1,2}):(\d{2})/.exec(time) : null;
  const [hours, minutes] = clock ? [Number(clock[1]), Number(clock[2])] : [0, 0];
  const asUtc = Date.UTC(year, month - 1, dayOfMonth, hours, minutes);
  const offsetAt = (instant: number): number | null => {
    const wall = wallClock(instant, zone);
    return wall === null ? null : wall - instant;
  };
  const first = offsetAt(asUtc);
  if (first === null) return new Date(year, month - 1, dayOfMonth, hours, minutes).getTime();
  // Once more with the offset at the guess: right across a change of summer time.
  const second = offsetAt(asUtc - first) ?? first;
  return asUtc - second;
}

/** Today in `zone` (the computer's zone when null or unknown), `YYYY-MM-DD`. */
export function todayIn(zone: string | null, now: Date): string {
  const wall = wallClock(now.getTime(), zone);
  return wall === null ? todayIso(now) : new Date(wall).toISOString().slice(0, 10);
}
