import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, extend, extendWith, selectAll, toggle } from './selection';

/** Rows in list order: row i has id 100 + i. */
const idAt = (i: number) => (i >= 0 && i < 50 ? 100 + i : undefined);
const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);

describe('selection', () => {
  it('toggles one row and makes it the anchor', () => {
    const one = toggle(EMPTY_SELECTION, 3, 103);
    expect(ids(one)).toEqual([103]);
    expect(one.anchor).toEqual({ index: 3, id: 103 });
    expect(ids(toggle(one, 3, 103))).toEqual([]);
    expect(EMPTY_SELECTION.ids.size).toBe(0);
  });

  it('Shift+click checks every row from the anchor, in either direction', () => {
    const anchored = toggle(EMPTY_SELECTION, 5, 105);
    expect(ids(extend(anchored, 8, idAt)!)).toEqual([105, 106, 107, 108]);
    expect(ids(extend(anchored, 2, idAt)!)).toEqual([102, 103, 104, 105]);
  });

  it('keeps what was checked outside the range and keeps the anchor', () => {
    let s = toggle(EMPTY_SELECTION, 20, 120);
    s = toggle(s, 5, 105);
    s = extend(s, 7, idAt)!;
    expect(ids(s)).toEqual([105, 106, 107, 120]);
    expect(s.anchor?.index).toBe(5);
    // A second Shift+click from the same anchor.
    s = extend(s, 9, idAt)!;
    expect(ids(s)).toEqual([105, 106, 107, 108, 109, 120]);
  });

  it('Shift+click from an unchecked anchor unchecks the range', () => {
    let s = selectAll([101, 102, 103, 104, 105]);
    s = toggle(s, 2, 102); // unchecks 102, anchor 2
    s = extend(s, 4, idAt)!;
    expect(ids(s)).toEqual([101, 105]);
  });

  it('Shift+click without an anchor checks that row only', () => {
    expect(ids(extend(EMPTY_SELECTION, 4, idAt)!)).toEqual([104]);
  });

  it('says when a row of the range is not loaded, and then uses every id', () => {
    const anchored = toggle(EMPTY_SELECTION, 0, 100);
    const sparse = (i: number) => (i < 10 ? 100 + i : undefined);
    expect(extend(anchored, 30, sparse)).toBeNull();
    const all = Array.from({ length: 50 }, (_, i) => 100 + i);
    const s = extendWith(anchored, 30, all);
    expect(s.ids.size).toBe(31);
    expect(s.ids.has(130)).toBe(true);
    expect(s.ids.has(131)).toBe(false);
  });

  it('selects all matching from their ids', () => {
    const all = selectAll([7, 8, 9, 7]);
    expect(ids(all)).toEqual([7, 8, 9]);
    expect(all.anchor).toBeNull();
  });
});
