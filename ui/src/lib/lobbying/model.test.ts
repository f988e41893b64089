import { describe, expect, it } from 'vitest';
import { COTE_DIVOIRE, FRANCE, meeting, RANKS, rec } from './fixtures';
import {
  filterRanks,
  groupByReview,
  newestFirst,
  positionCounts,
  priorityCounts,
  sameState,
  stateId,
} from './model';

describe('filterRanks', () => {
  it('keeps every State, ranked, without words', () => {
    expect(filterRanks(RANKS, '  ').map((r) => [r.rank, r.item.state.iso3])).toEqual([
      [1, 'MEX'],
      [2, 'FRA'],
      [3, 'CIV'],
    ]);
  });

  it('matches names without accents or case, and ISO codes, keeping the rank', () => {
    expect(filterRanks(RANKS, 'CÔTE').map((r) => [r.rank, r.item.state.name])).toEqual([
      [3, 'Côte d’Ivoire'],
    ]);
    expect(filterRanks(RANKS, 'fra').map((r) => r.item.state.iso3)).toEqual(['FRA']);
    expect(filterRanks(RANKS, 'ivoire cote').map((r) => r.rank)).toEqual([3]);
    expect(filterRanks(RANKS, 'atlantis')).toEqual([]);
  });
});

describe('counts', () => {
  it('writes the non-zero counts', () => {
    expect(priorityCounts({ high: 2, medium: 0, low: 1 })).toBe('2 high · 1 low');
    expect(priorityCounts({ high: 0, medium: 0, low: 0 })).toBe('None');
    expect(positionCounts({ pending: 0, noted: 3, supported: 1 })).toBe('3 noted · 1 supported');
    expect(positionCounts({ pending: 0, noted: 0, supported: 0 })).toBe('—');
  });
});

describe('States', () => {
  it('are the same by ISO code, else by name', () => {
    expect(sameState(FRANCE, { iso3: 'FRA', name: 'French Republic' })).toBe(true);
    expect(sameState(FRANCE, COTE_DIVOIRE)).toBe(false);
    expect(stateId({ iso3: null, name: 'Holy See' })).toBe('name:Holy See');
    expect(sameState({ iso3: null, name: 'FRA' }, FRANCE)).toBe(false);
  });
});

describe('groupByReview', () => {
  it('groups in the order the reviews come', () => {
    const groups = groupByReview([
      rec({ id: 1, review_id: 5, review: 'Cuba, WG 30' }),
      rec({ id: 2, review_id: 4, review: 'Chad, WG 31' }),
      rec({ id: 3, review_id: 5, review: 'Cuba, WG 30' }),
    ]);
    expect(groups.map((g) => [g.review, g.recommendations.map((r) => r.id)])).toEqual([
      ['Cuba, WG 30', [1, 3]],
      ['Chad, WG 31', [2]],
    ]);
  });
});

describe('newestFirst', () => {
  it('sorts by day, the latest logged first on a day', () => {
    const sorted = newestFirst([
      meeting({ id: 1, date: '2021-01-05' }),
      meeting({ id: 2, date: '2021-02-01' }),
      meeting({ id: 3, date: '2021-02-01' }),
    ]);
    expect(sorted.map((m) => m.id)).toEqual([3, 2, 1]);
  });
});
