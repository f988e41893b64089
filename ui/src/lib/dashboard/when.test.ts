import { describe, expect, it } from 'vitest';
import { deadlineFixture, eventFixture } from './calendarFixtures';
import {
  daysBetween,
  dueInstant,
  isOverdue,
  nextDeadlines,
  relativeDays,
  todayIn,
  whenLabel,
  zoneLabel,
  zonedInstant,
} from './when';

const deadline = deadlineFixture;
const event = eventFixture;

describe('zonedInstant', () => {
  it('reads a wall clock time in Geneva, winter and summer', () => {
    expect(new Date(zonedInstant('2021-03-04', '10:00', 'Europe/Zurich')).toISOString()).toBe(
      '2021-03-04T09:00:00.000Z',
    );
    expect(new Date(zonedInstant('2021-07-01', '10:00', 'Europe/Zurich')).toISOString()).toBe(
      '2021-07-01T08:00:00.000Z',
    );
    expect(new Date(zonedInstant('2021-07-01', '10:00', 'America/New_York')).toISOString()).toBe(
      '2021-07-01T14:00:00.000Z',
    );
  });

  it('falls back to the computer zone for an unknown zone, NaN for no date', () => {
    expect(zonedInstant('2021-03-04', '10:00', 'Nowhere/Else')).toBe(
      new Date(2021, 2, 4, 10, 0).getTime(),
    );
    expect(zonedInstant('soon', null, 'Europe/Zurich')).toBeNaN();
  });
});

describe('days', () => {
  it('knows today in a zone', () => {
    const now = new Date('2021-03-03T23:30:00Z');
    expect(todayIn('Europe/Zurich', now)).toBe('2021-03-04');
    expect(todayIn('UTC', now)).toBe('2021-03-03');
  });

  it('counts days and says them in words', () => {
    expect(daysBetween('2021-03-05', '2021-03-17')).toBe(12);
    expect(daysBetween('2021-03-20', '2021-03-17')).toBe(-3);
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
    expect(relativeDays(12)).toBe('in 12 days');
    expect(relativeDays(0)).toBe('today');
    expect(relativeDays(1)).toBe('tomorrow');
    expect(relativeDays(-1)).toBe('yesterday');
    expect(relativeDays(-3)).toBe('3 days ago');
  });

  it('writes the day, the time and the zone', () => {
    expect(whenLabel('2021-03-17', null, 'Europe/Zurich')).toBe('17 Mar 2021');
    expect(whenLabel('2021-03-17', '10:00', 'Europe/Zurich')).toBe('17 Mar 2021, 10:00 Geneva');
    expect(zoneLabel('America/New_York')).toBe('New York');
    expect(zoneLabel(null)).toBe('');
  });
});

describe('isOverdue', () => {
  it('is due at the end of a whole day, in its zone', () => {
    const d = deadline({ due_date: '2021-03-04' });
    expect(new Date(dueInstant(d)).toISOString()).toBe('2021-03-04T23:00:00.000Z');
    expect(isOverdue(d, new Date('2021-03-04T22:59:00Z'))).toBe(false);
    expect(isOverdue(d, new Date('2021-03-04T23:00:00Z'))).toBe(true);
  });

  it('is due at its time when it has one', () => {
    const d = deadline({ due_date: '2021-03-04', due_time: '10:00' });
    expect(isOverdue(d, new Date('2021-03-04T08:59:00Z'))).toBe(false);
    expect(isOverdue(d, new Date('2021-03-04T09:01:00Z'))).toBe(true);
  });

  it('is never overdue once done', () => {
    expect(isOverdue(deadline({ status: 'done' }), new Date('2022-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('nextDeadlines', () => {
  const now = new Date('2021-03-05T12:00:00Z');

  it('puts overdue deadlines first, then the next three events from today on', () => {
    const late = deadline({ id: 2, due_date: '2021-03-01' });
    const events = [
      event({ uid: 'review', kind: 'review', date: '2020-11-09' }),
      event({ uid: 'late', kind: 'custom', date: '2021-03-01', deadline: late, overdue: true }),
      event({ uid: 'today', kind: 'speakers_list_opens', date: '2021-03-05' }),
      event({ uid: 'session', kind: 'adoption', date: '2021-03-17' }),
      event({
        uid: 'done',
        kind: 'custom',
        date: '2021-03-10',
        deadline: deadline({ status: 'done', due_date: '2021-03-10' }),
      }),
      event({
        uid: 'mine',
        kind: 'custom',
        date: '2021-03-12',
        deadline: deadline({ id: 3, due_date: '2021-03-12' }),
      }),
      event({ uid: 'midterm', kind: 'mid_term', date: '2023-01-01' }),
      event({ uid: 'next', kind: 'next_review', date: '2025-05-01' }),
    ];
    const { overdue, upcoming } = nextDeadlines(events, now);
    expect(overdue.map((e) => e.uid)).toEqual(['late']);
    expect(upcoming.map((e) => e.uid)).toEqual(['today', 'mine', 'session']);
  });

  it('marks a deadline overdue once its time passed, even if the calendar did not say so', () => {
    const events = [
      event({
        uid: 'passed',
        kind: 'custom',
        date: '2021-03-05',
        time: '09:00',
        deadline: deadline({ due_date: '2021-03-05', due_time: '09:00' }),
      }),
    ];
    expect(nextDeadlines(events, now).overdue.map((e) => e.uid)).toEqual(['passed']);
  });

  it('keeps an event spanning several days until its last day', () => {
    const events = [event({ uid: 'span', date: '2021-03-01', end_date: '2021-03-06' })];
    expect(nextDeadlines(events, now).upcoming.map((e) => e.uid)).toEqual(['span']);
  });
});
