import { describe, expect, it } from 'vitest';
import { countLabel, formatDate, formatDateTime, ordinal } from './format';
import { reviewTitle } from './reviews/format';
import { usReview } from '../test/fixtures';

const review = usReview({ id: 1, report_symbol: 'A/HRC/46/15' });

describe('formatting', () => {
  it('writes dates the UN way without shifting them across time zones', () => {
    expect(formatDate('2020-11-09')).toBe('9 Nov 2020');
    expect(formatDate('2021-03-17')).toBe('17 Mar 2021');
    expect(formatDate('sometime in 2020')).toBe('sometime in 2020');
    expect(formatDate('2020-13-01')).toBe('2020-13-01');
  });

  it('writes an instant in local time and keeps what it cannot read', () => {
    expect(formatDateTime('2026-11-24T10:05:00Z')).toMatch(/^2[45] Nov 2026, \d\d:\d5$/);
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });

  it('counts with singular and thousands separators', () => {
    expect(countLabel(347, 'recommendation')).toBe('347 recommendations');
    expect(countLabel(1, 'recommendation')).toBe('1 recommendation');
    expect(countLabel(100_000, 'recommendation')).toBe('100,000 recommendations');
  });

  it('titles a review with what is known of it', () => {
    expect(reviewTitle(review)).toBe(
      'United States of America — 3rd cycle, WG 36, reviewed 9 Nov 2020',
    );
    expect(reviewTitle({ ...review, cycle: null, wg_session: null, review_date: null })).toBe(
      'United States of America',
    );
  });
});
