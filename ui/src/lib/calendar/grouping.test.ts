import { describe, expect, it } from 'vitest';
import { deadlineOverdue, dueInstant, groupAgenda, isOverdue, nextDeadlines } from './grouping';
import { computed, deadline, deadlineEvent } from '../../test/fixtures';

const TODAY = '2021-02-20';

const written = computed({ kind: 'written_statement_due', title: 'Written', date: '2021-02-08' });
const speakers = computed({ kind: 'speakers_list_opens', title: 'Speakers', date: '2021-02-19' });
const responses = computed({ kind: 'responses_due', title: 'Responses', date: '2021-02-22' });
const adoption = computed({ kind: 'adoption', title: 'Adoption', date: '2021-03-17' });
const review = computed({
  kind: 'review',
  title: 'Review',
  date: '2021-02-15',
  end_date: '2021-02-26',
});

const late = deadlineEvent(deadline({ id: 1, title: 'Late', due_date: '2021-02-10' }));
const lateToo = deadlineEvent(deadline({ id: 2, title: 'Later', due_date: '2021-02-18' }));
const dueTodayPassed = deadlineEvent(
  deadline({ id: 3, title: 'Noon today', due_date: TODAY, due_time: '12:00' }),
  { overdue: true },
);
const next = deadlineEvent(deadline({ id: 4, title: 'Next', due_date: '2021-02-21' }));
const doneOld = deadlineEvent(
  deadline({ id: 5, title: 'Done old', due_date: '2021-01-05', status: 'done' }),
);
const doneNew = deadlineEvent(
  deadline({ id: 6, title: 'Done new', due_date: '2021-02-25', status: 'done' }),
);

describe('agenda sections', () => {
  const groups = groupAgenda(
    [
      adoption,
      doneOld,
      next,
      written,
      late,
      review,
      responses,
      dueTodayPassed,
      speakers,
      lateToo,
      doneNew,
    ],
    TODAY,
  );
  const titles = (section: keyof typeof groups) => groups[section].map((e) => e.title);

  it('lists overdue deadlines oldest first, including one whose time passed today', () => {
    expect(titles('overdue')).toEqual(['Late', 'Later', 'Noon today']);
  });

  it('lists what comes from today on soonest first, a period spanning today included', () => {
    expect(titles('upcoming')).toEqual(['Review', 'Next', 'Responses', 'Adoption']);
  });

  it('lists past computed dates most recent first', () => {
    expect(titles('past')).toEqual(['Speakers', 'Written']);
  });

  it('lists deadlines done apart, most recent first, never overdue', () => {
    expect(titles('done')).toEqual(['Done new', 'Done old']);
    expect(isOverdue(doneOld, TODAY)).toBe(false);
  });

  it('never calls a computed date overdue', () => {
    expect(isOverdue(written, TODAY)).toBe(false);
    expect([written, late, lateToo, doneOld, next].filter((e) => isOverdue(e, TODAY))).toHaveLength(
      2,
    );
  });

  it('puts whole days before timed ones on the same day', () => {
    const timed = deadlineEvent(
      deadline({ id: 8, title: 'A timed', due_date: '2021-03-01', due_time: '09:00' }),
    );
    const whole = deadlineEvent(deadline({ id: 9, title: 'Z whole', due_date: '2021-03-01' }));
    expect(groupAgenda([timed, whole], TODAY).upcoming.map((e) => e.title)).toEqual([
      'Z whole',
      'A timed',
    ]);
  });
});

describe('a deadline overdue', () => {
  it('is due at the end of a whole day, in its zone', () => {
    const d = deadline({ due_date: '2021-03-04' });
    expect(new Date(dueInstant(d)).toISOString()).toBe('2021-03-04T23:00:00.000Z');
    expect(deadlineOverdue(d, new Date('2021-03-04T22:59:00Z'))).toBe(false);
    expect(deadlineOverdue(d, new Date('2021-03-04T23:00:00Z'))).toBe(true);
  });

  it('is due at its time when it has one', () => {
    const d = deadline({ due_date: '2021-03-04', due_time: '10:00' });
    expect(deadlineOverdue(d, new Date('2021-03-04T08:59:00Z'))).toBe(false);
    expect(deadlineOverdue(d, new Date('2021-03-04T09:01:00Z'))).toBe(true);
  });

  it('is never overdue once done, nor without a day', () => {
    const later = new Date('2022-01-01T00:00:00Z');
    expect(deadlineOverdue(deadline({ status: 'done' }), later)).toBe(false);
    expect(deadlineOverdue(deadline({ due_date: 'soon' }), later)).toBe(false);
  });
});

describe('next deadlines', () => {
  const now = new Date('2021-03-05T12:00:00Z');

  it('puts overdue deadlines first, then the next three events from today on', () => {
    const late = deadline({ id: 2, due_date: '2021-03-01' });
    const events = [
      computed({ uid: 'review', kind: 'review', date: '2020-11-09' }),
      deadlineEvent(late, { uid: 'late', overdue: true }),
      computed({ uid: 'today', kind: 'speakers_list_opens', date: '2021-03-05' }),
      computed({ uid: 'session', kind: 'adoption', date: '2021-03-17' }),
      deadlineEvent(deadline({ status: 'done', due_date: '2021-03-10' }), { uid: 'done' }),
      deadlineEvent(deadline({ id: 3, due_date: '2021-03-12' }), { uid: 'mine' }),
      computed({ uid: 'midterm', kind: 'mid_term', date: '2023-01-01' }),
      computed({ uid: 'next', kind: 'next_review', date: '2025-05-01' }),
    ];
    const { overdue, upcoming } = nextDeadlines(events, now);
    expect(overdue.map((e) => e.uid)).toEqual(['late']);
    expect(upcoming.map((e) => e.uid)).toEqual(['today', 'mine', 'session']);
  });

  it('marks a deadline overdue once its time passed, even if the calendar did not say so', () => {
    const passed = deadline({ due_date: '2021-03-05', due_time: '09:00' });
    const events = [deadlineEvent(passed, { uid: 'passed' })];
    expect(nextDeadlines(events, now).overdue.map((e) => e.uid)).toEqual(['passed']);
  });

  it('keeps an event spanning several days until its last day', () => {
    const events = [computed({ uid: 'span', date: '2021-03-01', end_date: '2021-03-06' })];
    expect(nextDeadlines(events, now).upcoming.map((e) => e.uid)).toEqual(['span']);
  });
});
