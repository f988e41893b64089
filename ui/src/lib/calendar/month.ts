// The month calendar's grid, without the DOM: the weeks of a month (Monday first) and the events
// of each day, an event spanning several days on each of them.
import type { CalendarEvent } from '../ipc/types';
import { compareEvents, lastDay } from './grouping';
import { addDays, weekday } from './dates';

/** A month: `month` is 1-12. */
export interface YearMonth {
  year: number;
  month: number;
}

export interface MonthDay {
  /** YYYY-MM-DD */
  date: string;
  /** Day of the month, 1-31. */
  day: number;
  /** In the month shown (the others fill the first and last weeks). */
  inMonth: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The first day of a month, YYYY-MM-DD. */
function firstDay({ year, month }: YearMonth): string {
  return `${year}-${pad(month)}-01`;
}

/** The month of a day. */
export function monthOf(iso: string): YearMonth {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return { year, month };
}

/** The month `n` months after (before, when negative). */
export function shiftMonth({ year, month }: YearMonth, n: number): YearMonth {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The weeks shown for a month: Monday to Sunday, from the week of its 1st to that of its last. */
export function monthWeeks(shown: YearMonth): MonthDay[][] {
  const first = firstDay(shown);
  const last = addDays(firstDay(shiftMonth(shown, 1)), -1);
  const start = addDays(first, -weekday(first));
  const end = addDays(last, 6 - weekday(last));
  const weeks: MonthDay[][] = [];
  for (let day = start; day <= end; day = addDays(day, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(day, i);
        return { date, day: Number(date.slice(8)), inMonth: date >= first && date <= last };
      }),
    );
  }
  return weeks;
}

/**
 * The events of each day from `from` to `to` (inclusive): an event over several days is on each
 * of them. Within a day: whole days first, then by time.
 */
export function eventsByDay(
  events: readonly CalendarEvent[],
  from: string,
  to: string,
): Map<string, CalendarEvent[]> {
  const days = new Map<string, CalendarEvent[]>();
  for (const event of [...events].sort(compareEvents)) {
    const start = event.date > from ? event.date : from;
    const end = lastDay(event) < to ? lastDay(event) : to;
    for (let day = start; day <= end; day = addDays(day, 1)) {
      const list = days.get(day);
      if (list) list.push(event);
      else days.set(day, [event]);
    }
  }
  return days;
}

/** The month to open on: that of the first event from today on, else today's. */
export function openingMonth(events: readonly CalendarEvent[], today: string): YearMonth {
  const next = events
    .filter((event) => lastDay(event) >= today)
    .reduce<string | null>((soonest, event) => {
      const day = event.date < today ? today : event.date;
      return soonest === null || day < soonest ? day : soonest;
    }, null);
  return monthOf(next ?? today);
}
