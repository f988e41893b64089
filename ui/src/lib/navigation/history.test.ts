import { describe, expect, it, vi } from 'vitest';
import { defaultView, Navigator, sameView, type Timers, type View } from './history';

/** Timers run by hand: `run()` fires what is due. */
function manualTimers() {
  let pending: { callback: () => void; handle: number } | null = null;
  let next = 1;
  const timers: Timers = {
    set: (callback) => {
      pending = { callback, handle: next++ };
      return pending.handle;
    },
    clear: (handle) => {
      if (pending?.handle === handle) pending = null;
    },
  };
  return {
    timers,
    get waiting() {
      return pending !== null;
    },
    run() {
      const due = pending;
      pending = null;
      due?.callback();
    },
  };
}

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

describe('Navigator', () => {
  it('goes back and forward between steps', () => {
    const nav = new Navigator(start, { timers: manualTimers().timers });
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
    const nav = new Navigator(start, { timers: manualTimers().timers });
    nav.change({ ...start }, 'step');
    expect(nav.entries).toHaveLength(1);
  });

  it('drops the forward entries when a new step is taken after going back', () => {
    const nav = new Navigator(start, { timers: manualTimers().timers });
    nav.change({ ...start, sort: 'priority' }, 'step');
    nav.change({ ...start, sort: 'state' }, 'step');
    nav.back();
    nav.back();
    nav.change({ ...start, mode: 'history' }, 'step');
    expect(nav.canForward).toBe(false);
    expect(nav.entries.map((v) => v.mode)).toEqual(['list', 'history']);
  });

  it('makes one entry for a word typed letter by letter, once it settles', () => {
    const clock = manualTimers();
    const onchange = vi.fn();
    const nav = new Navigator(start, { timers: clock.timers, onchange });
    for (const query of ['t', 'to', 'tor', 'tort']) nav.change(typed(query), 'typing');
    expect(nav.entries).toHaveLength(1);
    expect(nav.view.query).toBe('tort');
    expect(nav.canBack).toBe(true);
    expect(clock.waiting).toBe(true);

    clock.run();
    expect(nav.entries.map((v) => v.query)).toEqual(['', 'tort']);
    expect(onchange).toHaveBeenCalled();
  });

  it('settles at once on Enter or when the box is left', () => {
    const clock = manualTimers();
    const nav = new Navigator(start, { timers: clock.timers });
    nav.change(typed('death'), 'typing');
    nav.settle();
    expect(clock.waiting).toBe(false);
    expect(nav.entries.map((v) => v.query)).toEqual(['', 'death']);
    nav.settle();
    expect(nav.entries).toHaveLength(2);
  });

  it('uses the settle time it is given', () => {
    vi.useFakeTimers();
    try {
      const nav = new Navigator(start, { settleMs: 700 });
      nav.change(typed('death'), 'typing');
      vi.advanceTimersByTime(699);
      expect(nav.entries).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(nav.entries).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Back while typing goes to the view before the words (keeping them for Forward)', () => {
    const clock = manualTimers();
    const nav = new Navigator(start, { timers: clock.timers });
    nav.change(typed('death pen'), 'typing');
    expect(nav.back()).toEqual(start);
    expect(clock.waiting).toBe(false);
    expect(nav.forward()?.query).toBe('death pen');
  });

  it('a click after typing keeps the words with the click, in one entry', () => {
    const clock = manualTimers();
    const nav = new Navigator(start, { timers: clock.timers });
    nav.change(typed('death'), 'typing');
    const withFilter: View = { ...typed('death'), filters: [['position', 'noted']] };
    nav.change(withFilter, 'step');
    expect(clock.waiting).toBe(false);
    expect(nav.entries).toEqual([start, withFilter]);
  });

  it('typing back to the words of the current entry makes no entry', () => {
    const clock = manualTimers();
    const nav = new Navigator(start, { timers: clock.timers });
    nav.change(typed('x'), 'typing');
    nav.change(typed(''), 'typing');
    expect(nav.canBack).toBe(false);
    clock.run();
    expect(nav.entries).toHaveLength(1);
  });

  it('keeps at most `limit` entries', () => {
    const nav = new Navigator(start, { timers: manualTimers().timers, limit: 3 });
    for (const query of ['a', 'b', 'c', 'd']) nav.change(typed(query), 'step');
    expect(nav.entries.map((v) => v.query)).toEqual(['b', 'c', 'd']);
    expect(nav.index).toBe(2);
  });

  it('starts over with reset', () => {
    const nav = new Navigator(start, { timers: manualTimers().timers });
    nav.change(typed('a'), 'step');
    nav.reset(defaultView(2));
    expect(nav.entries).toEqual([defaultView(2)]);
    expect(nav.canBack).toBe(false);
  });
});
