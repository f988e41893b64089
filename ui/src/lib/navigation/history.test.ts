import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultView, Navigator, perReview, sameView, type View } from './history';

const start = defaultView(1);
const typed = (query: string): View => ({ ...start, query });

describe('sameView', () => {
  it('ignores the order of filters and the spaces around the words', () => {
    const a: View = {
      ...start,
      query: ' death ',
      filters: [
        ['position', 'noted'],
        ['theme', 'Torture'],
      ],
    };
    const b: View = {
      ...start,
      query: 'death',
      filters: [
        ['theme', 'Torture'],
        ['position', 'noted'],
      ],
    };
    expect(sameView(a, b)).toBe(true);
    expect(sameView(a, { ...b, filters: [['theme', 'Torture']] })).toBe(false);
    expect(sameView(a, { ...b, mode: 'dashboard' })).toBe(false);
    expect(sameView(a, { ...b, review: null })).toBe(false);
    expect(sameView(a, { ...b, descending: true })).toBe(false);
  });
});

describe('modes', () => {
  it('shows the calendar for all reviews too, the dashboard and history for one', () => {
    expect(perReview('calendar')).toBe(false);
    expect(perReview('list')).toBe(false);
    expect(perReview('dashboard')).toBe(true);
    expect(perReview('history')).toBe(true);
    expect(sameView(start, { ...start, mode: 'calendar' })).toBe(false);
  });

  it('shows statements for all reviews, and lobbying asks for a review itself', () => {
    expect(perReview('statements')).toBe(false);
    expect(perReview('states')).toBe(false);
    expect(sameView(start, { ...start, mode: 'statements' })).toBe(false);
    expect(sameView({ ...start, mode: 'states' }, { ...start, mode: 'statements' })).toBe(false);
  });
});

describe('Navigator', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether an entry is waiting for the words to settle. */
  const waiting = () => vi.getTimerCount() > 0;

  it('goes back and forward between steps', () => {
    const nav = new Navigator(start);
    expect(nav.canBack).toBe(false);
    const noted: View = { ...start, filters: [['position', 'noted']] };
    const dashboard: View = { ...noted, mode: 'dashboard' };
    nav.change(noted, 'step');
    nav.change(dashboard, 'step');
    expect(nav.entries).toHaveLength(3);

    expect(nav.back()).toEqual(noted);
    expect(nav.back()).toEqual(start);
    expect(nav.back()).toBeNull();
    expect(nav.canBack).toBe(false);
    expect(nav.forward()).toEqual(noted);
    expect(nav.forward()).toEqual(dashboard);
    expect(nav.forward()).toBeNull();
  });

  it('does not make an entry for a step that changes nothing', () => {
    const nav = new Navigator(start);
    nav.change({ ...start }, 'step');
    expect(nav.entries).toHaveLength(1);
  });

  it('drops the forward entries when a new step is taken after going back', () => {
    const nav = new Navigator(start);
    nav.change({ ...start, sort: 'priority' }, 'step');
    nav.change({ ...start, sort: 'state' }, 'step');
    nav.back();
    nav.back();
    nav.change({ ...start, mode: 'history' }, 'step');
    expect(nav.canForward).toBe(false);
    expect(nav.entries.map((v) => v.mode)).toEqual(['list', 'history']);
  });

  it('makes one entry for a word typed letter by letter, once it settles', () => {
    const onchange = vi.fn();
    const nav = new Navigator(start, { onchange });
    for (const query of ['t', 'to', 'tor', 'tort']) nav.change(typed(query), 'typing');
    expect(nav.entries).toHaveLength(1);
    expect(nav.view.query).toBe('tort');
    expect(nav.canBack).toBe(true);
    expect(waiting()).toBe(true);

    vi.runOnlyPendingTimers();
    expect(nav.entries.map((v) => v.query)).toEqual(['', 'tort']);
    expect(onchange).toHaveBeenCalled();
  });

  it('settles at once on Enter or when the box is left', () => {
    const nav = new Navigator(start);
    nav.change(typed('death'), 'typing');
    nav.settle();
    expect(waiting()).toBe(false);
    expect(nav.entries.map((v) => v.query)).toEqual(['', 'death']);
    nav.settle();
    expect(nav.entries).toHaveLength(2);
  });

  it('uses the settle time it is given', () => {
    const nav = new Navigator(start, { settleMs: 700 });
    nav.change(typed('death'), 'typing');
    vi.advanceTimersByTime(699);
    expect(nav.entries).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(nav.entries).toHaveLength(2);
  });

  it('Back while typing goes to the view before the words (keeping them for Forward)', () => {
    const nav = new Navigator(start);
    nav.change(typed('death pen'), 'typing');
    expect(nav.back()).toEqual(start);
    expect(waiting()).toBe(false);
    expect(nav.forward()?.query).toBe('death pen');
  });

  it('a click after typing keeps the words with the click, in one entry', () => {
    const nav = new Navigator(start);
    nav.change(typed('death'), 'typing');
    const withFilter: View = { ...typed('death'), filters: [['position', 'noted']] };
    nav.change(withFilter, 'step');
    expect(waiting()).toBe(false);
    expect(nav.entries).toEqual([start, withFilter]);
  });

  it('typing back to the words of the current entry makes no entry', () => {
    const nav = new Navigator(start);
    nav.change(typed('x'), 'typing');
    nav.change(typed(''), 'typing');
    expect(nav.canBack).toBe(false);
    vi.runOnlyPendingTimers();
    expect(nav.entries).toHaveLength(1);
  });

  it('keeps at most `limit` entries', () => {
    const nav = new Navigator(start, { limit: 3 });
    for (const query of ['a', 'b', 'c', 'd']) nav.change(typed(query), 'step');
    expect(nav.entries.map((v) => v.query)).toEqual(['b', 'c', 'd']);
    expect(nav.index).toBe(2);
  });

  it('starts over with reset', () => {
    const nav = new Navigator(start);
    nav.change(typed('a'), 'step');
    nav.reset(defaultView(2));
    expect(nav.entries).toEqual([defaultView(2)]);
    expect(nav.canBack).toBe(false);
  });
});
