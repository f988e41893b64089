// Days, times and zones of the calendar, without the computer's locale: dates read the way UN
// documents write them ("17 Mar 2021"), the same on every computer (and in tests).
//
// A day is a `YYYY-MM-DD` string; arithmetic on days goes through UTC so that daylight saving
// never shifts a day.
import { formatDate } from '../format';

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

/** Whether `text` is a real day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
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

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
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
 * A day and maybe a time: "17 Mar 2021", or "4 Mar 2021 12:00 Geneva" when timed (the zone said
 * only with a time: a whole day is the same day everywhere people look at it).
 */
export function formatWhen(date: string, time: string | null, zone: string | null): string {
  const day = formatDay(date);
  if (!time) return day;
  const where = zoneLabel(zone);
  return where ? `${day} ${time} ${where}` : `${day} ${time}`;
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

/** Offset of `zone` from UTC at `instant`, in ms (positive east of Greenwich). */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant (ms since 1970) of a wall-clock day and time in `zone`, e.g. 4 Mar 2021 12:00 in
 * Geneva → 11:00 UTC. A time skipped by daylight saving moves forward, as clocks do.
 */
export function zonedInstant(date: string, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - zoneOffset(wall, zone);
  // Once more: the offset at the guess may differ from the offset at the wall time (DST).
  guess = wall - zoneOffset(guess, zone);
  return guess;
}
