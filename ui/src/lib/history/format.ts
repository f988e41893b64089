// The review history's words and times. "2 hours ago" is in the user's own locale (`locale` is
// only passed by tests); the exact time on hover is lib/format.ts's formatDateTime, as in the
// history of a recommendation.
import { fieldLabel, historyValue } from '../ipc/labels';
import type { ChangeEntry } from '../ipc/types';

export type Period = 'week' | 'month' | 'all';

export const PERIODS: { value: Period; label: string }[] = [
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'all', label: 'Everything' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** An instant as the history stores them: RFC 3339 in UTC, to the second ("2026-11-24T09:03:00Z"). */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `since` of a period: 7 or 30 days before `now`; null for everything. */
export function periodSince(period: Period, now: Date): string | null {
  switch (period) {
    case 'week':
      return rfc3339(new Date(now.getTime() - 7 * DAY_MS));
    case 'month':
      return rfc3339(new Date(now.getTime() - 30 * DAY_MS));
    case 'all':
      return null;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/** "2 hours ago", "yesterday", "now"; the text as written if it is not a time. */
export function relativeTime(at: string, now: Date, locale?: string): string {
  const time = new Date(at).getTime();
  if (Number.isNaN(time)) return at;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = time - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(Math.trunc(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}

/** A value of an entry as a person reads it: labels for codes, "(not set)" for nothing. */
export function entryValue(field: string, value: string | null): string {
  return value === null ? '(not set)' : historyValue(field, value);
}

export interface EntryChange {
  field: string;
  /** "Not set → High"; a tag added or removed is just its name. */
  change: string;
}

/** Takes a review history's entry, or any other with a field and its values before and after. */
export function entryChange(
  entry: Pick<ChangeEntry, 'field' | 'old_value' | 'new_value'>,
): EntryChange {
  const field = fieldLabel(entry.field);
  if (entry.field.startsWith('add_') && entry.old_value === null) {
    return { field, change: entryValue(entry.field, entry.new_value) };
  }
  if (entry.field.startsWith('remove_') && entry.new_value === null) {
    return { field, change: entryValue(entry.field, entry.old_value) };
  }
  return {
    field,
    change: `${entryValue(entry.field, entry.old_value)} → ${entryValue(entry.field, entry.new_value)}`,
  };
}
