import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDay,
  formatRange,
  formatWhen,
  isIsoDay,
  isTime,
  longDay,
  monthLabel,
  relativeDays,
  todayIn,
  todayIso,
  weekday,
  zonedInstant,
  zoneLabel,
} from './dates';

describe('calendar dates', () => {
  it('writes days as UN documents do, whatever the locale', () => {
    expect(formatDay('2021-03-17')).toBe('17 Mar 2021');
    expect(formatDay('2020-11-09')).toBe('9 Nov 2020');
    expect(formatDay('not a day')).toBe('not a day');
    expect(monthLabel(2021, 3)).toBe('March 2021');
    expect(longDay('2021-03-17')).toBe('Wednesday 17 March 2021');
  });

  it('writes a time with its zone, Geneva for Europe/Zurich, else the city', () => {
    expect(formatWhen('2021-03-04', '12:00', 'Europe/Zurich')).toBe('4 Mar 2021, 12:00 Geneva');
    expect(formatWhen('2021-03-04', '09:30', 'America/New_York')).toBe(
      '4 Mar 2021, 09:30 New York',
    );
    expect(formatWhen('2021-03-04', null, 'America/New_York')).toBe('4 Mar 2021');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(zoneLabel(null)).toBe('');
  });

  it('writes periods without repeating the month or the year', () => {
    expect(formatRange('2020-11-02', '2020-11-13')).toBe('2–13 Nov 2020');
    expect(formatRange('2024-04-29', '2024-05-10')).toBe('29 Apr – 10 May 2024');
    expect(formatRange('2024-12-30', '2025-01-03')).toBe('30 Dec 2024 – 3 Jan 2025');
    expect(formatRange('2024-12-30', null)).toBe('30 Dec 2024');
  });

  it('counts days across months, leap years and daylight saving', () => {
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2021-03-27', 2)).toBe('2021-03-29');
    expect(daysBetween('2021-03-04', '2021-03-17')).toBe(13);
    expect(daysBetween('2021-03-20', '2021-03-17')).toBe(-3);
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
    expect(daysBetween('soon', '2021-03-29')).toBe(0);
    expect(weekday('2021-03-15')).toBe(0);
    expect(weekday('2021-03-21')).toBe(6);
  });

  it('checks days and times', () => {
    expect(isIsoDay('2021-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2024-2-9')).toBe(false);
    expect(isTime('09:00')).toBe(true);
    expect(isTime('24:00')).toBe(false);
    expect(isTime('9:00')).toBe(false);
  });

  it('says days from today in words', () => {
    expect(relativeDays(12)).toBe('in 12 days');
    expect(relativeDays(0)).toBe('today');
    expect(relativeDays(1)).toBe('tomorrow');
    expect(relativeDays(-1)).toBe('yesterday');
    expect(relativeDays(-3)).toBe('3 days ago');
  });

  it('takes today in local time, or in a zone', () => {
    expect(todayIso(new Date(2021, 2, 4, 23, 59))).toBe('2021-03-04');
    expect(todayIso(new Date(2021, 0, 1, 0, 0))).toBe('2021-01-01');
    const now = new Date('2021-03-03T23:30:00Z');
    expect(todayIn('Europe/Zurich', now)).toBe('2021-03-04');
    expect(todayIn('UTC', now)).toBe('2021-03-03');
    expect(todayIn(null, new Date(2021, 2, 4, 23, 59))).toBe('2021-03-04');
  });

  it('finds the instant of a wall-clock time in a zone, summer and winter', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(zonedInstant('2021-03-04', '12:00', 'Europe/Zurich'))).toBe(
      '2021-03-04T11:00:00.000Z',
    );
    expect(iso(zonedInstant('2021-06-21', '09:00', 'Europe/Zurich'))).toBe(
      '2021-06-21T07:00:00.000Z',
    );
    expect(iso(zonedInstant('2021-03-04', '09:00', 'America/New_York'))).toBe(
      '2021-03-04T14:00:00.000Z',
    );
    expect(iso(zonedInstant('2021-03-04', '09:00', 'UTC'))).toBe('2021-03-04T09:00:00.000Z');
    expect(iso(zonedInstant('2021-07-01', '10:00', 'America/New_York'))).toBe(
      '2021-07-01T14:00:00.000Z',
    );
    expect(iso(zonedInstant('2021-03-05', null, 'Europe/Zurich'))).toBe('2021-03-04T23:00:00.000Z');
  });

  it('falls back to the computer’s zone for an unknown zone, NaN for no day', () => {
    expect(zonedInstant('2021-03-04', '10:00', 'Nowhere/Else')).toBe(
      new Date(2021, 2, 4, 10, 0).getTime(),
    );
    expect(zonedInstant('soon', null, 'Europe/Zurich')).toBeNaN();
  });
});
