import { describe, expect, it } from 'vitest';
import { LOBBYING_STATUSES } from '../ipc/labels';
import { POSITION_COLORS } from './colors';
import {
  describeChart,
  lobbyingRequest,
  lobbyingSlices,
  lobbyingSummary,
  overviewRequest,
  positionSlices,
  positionSummary,
  regionalSlices,
  themeSlices,
} from './series';

describe('positions', () => {
  it('are ordered from supported to pending, with the badge colours, zeros left out', () => {
    const slices = positionSlices({ position: { noted: 60, supported: 280, pending: 0 } });
    expect(slices.map((s) => [s.value, s.label, s.count])).toEqual([
      ['supported', 'Supported', 280],
      ['noted', 'Noted', 60],
    ]);
    expect(slices[0]?.color).toBe(POSITION_COLORS.supported);
    expect(slices[1]?.filters).toEqual([['position', 'noted']]);
  });

  it('keeps a position the UI does not know, under its own name, after the known ones', () => {
    const slices = positionSlices({ position: { supported: 3, withdrawn: 1 } });
    expect(slices.map((s) => s.label)).toEqual(['Supported', 'withdrawn']);
    expect(slices[1]?.filters).toEqual([['position', 'withdrawn']]);
  });

  it('is empty without counts', () => {
    expect(positionSlices({})).toEqual([]);
  });

  it('are summed up in words', () => {
    const slices = positionSlices({
      position: { supported: 280, noted: 60, supported_in_part: 5, pending: 2 },
    });
    expect(positionSummary(347, slices)).toBe(
      '347 recommendations: 280 supported, 5 supported in part, 60 noted, 2 pending.',
    );
    expect(positionSummary(1, positionSlices({ position: { noted: 1 } }))).toBe(
      '1 recommendation: 1 noted.',
    );
    expect(positionSummary(0, [])).toBe('0 recommendations.');
  });
});

describe('regional groups', () => {
  it('are always the five groups in the order of their codes, zeros included', () => {
    const slices = regionalSlices({ regional_group: { WEOG: 120, African: 40 } });
    expect(slices.map((s) => [s.value, s.count])).toEqual([
      ['African', 40],
      ['Asia-Pacific', 0],
      ['EEG', 0],
      ['GRULAC', 0],
      ['WEOG', 120],
    ]);
  });

  it('have a short label for the axis, the full name for the tooltip, and open by code', () => {
    const grulac = regionalSlices({ regional_group: { GRULAC: 7 } })[3];
    expect(grulac).toMatchObject({
      label: 'GRULAC',
      title: 'Latin American and Caribbean States (GRULAC)',
      filters: [['regional_group', 'GRULAC']],
    });
  });
});

describe('top themes', () => {
  const many = Object.fromEntries(
    Array.from({ length: 14 }, (_, i) => [`Theme ${String(i).padStart(2, '0')}`, 100 - i]),
  );

  it('are the ten most frequent, most frequent first, with how many were left out', () => {
    const { slices, more } = themeSlices({ theme: many });
    expect(slices).toHaveLength(10);
    expect(slices[0]).toMatchObject({ label: 'Theme 00', count: 100 });
    expect(slices[9]).toMatchObject({ label: 'Theme 09', count: 91 });
    expect(more).toBe(4);
    expect(slices[3]?.filters).toEqual([['theme', 'Theme 03']]);
  });

  it('break ties by name, so the same themes make the cut every time', () => {
    // Nine clear leaders, then three themes tied for the tenth place.
    const theme: Record<string, number> = {};
    for (let i = 0; i < 9; i++) theme[`Lead ${i}`] = 50 - i;
    theme['Women’s rights'] = 5;
    theme['Death penalty'] = 5;
    theme['Migrants'] = 5;
    const first = themeSlices({ theme });
    expect(first.slices.at(-1)?.label).toBe('Death penalty');
    expect(first.more).toBe(2);
    // Whatever order the counts arrive in.
    const reversed = Object.fromEntries(Object.entries(theme).reverse());
    expect(themeSlices({ theme: reversed }).slices.map((s) => s.label)).toEqual(
      first.slices.map((s) => s.label),
    );
  });

  it('leave out themes counted zero and show all when there are ten or fewer', () => {
    const { slices, more } = themeSlices({ theme: { Torture: 4, Education: 9, Water: 0 } });
    expect(slices.map((s) => s.label)).toEqual(['Education', 'Torture']);
    expect(more).toBe(0);
  });
});

describe('lobbying progress', () => {
  it('shows every status in the order of the status menu, zeros included', () => {
    const slices = lobbyingSlices({ lobbying_status: { achieved: 3, not_started: 10 } });
    expect(slices.map((s) => s.value)).toEqual(LOBBYING_STATUSES);
    expect(slices.map((s) => [s.label, s.count])).toEqual([
      ['Not started', 10],
      ['Planned', 0],
      ['In progress', 0],
      ['Achieved', 3],
      ['Dropped', 0],
    ]);
  });

  it('opens the prioritised recommendations at that status', () => {
    const inProgress = lobbyingSlices({ lobbying_status: { in_progress: 2 } })[2];
    expect(inProgress?.filters).toEqual([
      ['priority', 'high'],
      ['priority', 'medium'],
      ['priority', 'low'],
      ['lobbying_status', 'in_progress'],
    ]);
  });

  it('is summed up in words', () => {
    expect(lobbyingSummary(lobbyingSlices({ lobbying_status: { achieved: 3, planned: 1 } }))).toBe(
      '4 recommendations with a priority: 0 not started, 1 planned, 0 in progress, 3 achieved, 0 dropped.',
    );
    expect(lobbyingSummary(lobbyingSlices({}))).toBe('0 recommendations with a priority.');
  });
});

describe('requests', () => {
  it('count the whole review without fetching rows', () => {
    expect(overviewRequest(7)).toEqual({
      review_id: 7,
      query: '',
      filters: [],
      sort: 'paragraph',
      descending: false,
      facets: true,
      offset: 0,
      limit: 0,
    });
  });

  it('count lobbying among the recommendations with any priority', () => {
    expect(lobbyingRequest(7)).toEqual({
      ...overviewRequest(7),
      filters: [
        ['priority', 'high'],
        ['priority', 'medium'],
        ['priority', 'low'],
      ],
    });
  });
});

describe('chart descriptions', () => {
  it('read every slice with its full name and count', () => {
    const slices = regionalSlices({ regional_group: { EEG: 1200 } }).slice(1, 3);
    expect(describeChart('By regional group', slices)).toBe(
      'By regional group: Asia-Pacific States 0, Eastern European States (EEG) 1,200.',
    );
    expect(describeChart('Position', [])).toBe('Position: nothing to show.');
  });
});
