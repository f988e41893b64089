import { describe, expect, it } from 'vitest';
import { computed, deadline, deadlineEvent } from '../../test/fixtures';
import { eventsByDay, monthWeeks, openingMonth, shiftMonth } from './month';

describe('month grid', () => {
  it('starts weeks on Monday and fills the first and last weeks from the months around', () => {
    // March 2021: Monday 1st to Wednesday 31st.
    const march = monthWeeks({ year: 2021, month: 3 });
    expect(march).toHaveLength(5);
    expect(march[0]?.[0]).toEqual({ date: '2021-03-01', day: 1, inMonth: true });
    expect(march.at(-1)?.map((d) => d.date)).toEqual([
      '2021-03-29',
      '2021-03-30',
      '2021-03-31',
      '2021-04-01',
      '2021-04-02',
      '2021-04-03',
      '2021-04-04',
    ]);
    expect(march.at(-1)?.filter((d) => !d.inMonth)).toHaveLength(4);

    // November 2020 starts on a Sunday: six weeks, from Monday 26 October.
    const november = monthWeeks({ year: 2020, month: 11 });
    expect(november).toHaveLength(6);
    expect(november[0]?.[0]).toEqual({ date: '2020-10-26', day: 26, inMonth: false });
    expect(november[0]?.[6]).toEqual({ date: '2020-11-01', day: 1, inMonth: true });
    expect(november.every((week) => week.length === 7)).toBe(true);

    // February 2021: exactly four weeks.
    expect(monthWeeks({ year: 2021, month: 2 })).toHaveLength(4);
  });

  it('moves between months across years', () => {
    expect(shiftMonth({ year: 2020, month: 12 }, 1)).toEqual({ year: 2021, month: 1 });
    expect(shiftMonth({ year: 2021, month: 1 }, -1)).toEqual({ year: 2020, month: 12 });
    expect(shiftMonth({ year: 2021, month: 3 }, -15)).toEqual({ year: 2019, month: 12 });
  });

  it('puts an event over several days on each day, cut to the days shown', () => {
    const period = computed({
      kind: 'review',
      uid: 'review',
      date: '2020-10-30',
      end_date: '2020-11-03',
    });
    const adoption = computed({ uid: 'adoption', date: '2020-11-02' });
    const days = eventsByDay([adoption, period], '2020-11-01', '2020-11-30');
    expect([...days.keys()].sort()).toEqual(['2020-11-01', '2020-11-02', '2020-11-03']);
    expect(days.get('2020-11-02')?.map((e) => e.uid)).toEqual(['review', 'adoption']);
    expect(days.get('2020-10-31')).toBeUndefined();
  });

  it('opens on the month of the next event, else on today’s', () => {
    const past = computed({ date: '2021-03-17' });
    const soon = deadlineEvent(deadline({ due_date: '2021-05-03' }));
    expect(openingMonth([past, soon], '2021-04-10')).toEqual({ year: 2021, month: 5 });
    expect(openingMonth([past], '2021-04-10')).toEqual({ year: 2021, month: 4 });
    // A period under way counts from today.
    const under = computed({ date: '2021-03-29', end_date: '2021-04-12' });
    expect(openingMonth([under, soon], '2021-04-10')).toEqual({ year: 2021, month: 4 });
  });
});
