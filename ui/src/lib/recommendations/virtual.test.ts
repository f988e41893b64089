import { describe, expect, it } from 'vitest';
import {
  navigate,
  pageOf,
  pagesForRange,
  rowsPerPage,
  scrollToReveal,
  visibleRange,
} from './virtual';

const base = { rowHeight: 50, overscan: 0, total: 100_000 };

describe('visibleRange', () => {
  it('covers exactly the rows in view at the top', () => {
    expect(visibleRange({ ...base, scrollTop: 0, height: 500 })).toEqual({ start: 0, end: 10 });
  });

  it('includes a partly visible row at the bottom', () => {
    expect(visibleRange({ ...base, scrollTop: 0, height: 510 })).toEqual({ start: 0, end: 11 });
  });

  it('includes a partly visible row at the top when scrolled mid-row', () => {
    expect(visibleRange({ ...base, scrollTop: 1025, height: 500 })).toEqual({
      start: 20,
      end: 31,
    });
  });

  it('adds overscan on both sides, clamped to the list', () => {
    expect(visibleRange({ ...base, overscan: 5, scrollTop: 1000, height: 500 })).toEqual({
      start: 15,
      end: 35,
    });
    expect(visibleRange({ ...base, overscan: 5, scrollTop: 0, height: 500 })).toEqual({
      start: 0,
      end: 15,
    });
  });

  it('never goes past the last row, even when scrolled beyond it', () => {
    const range = visibleRange({ ...base, total: 30, overscan: 5, scrollTop: 1400, height: 500 });
    expect(range).toEqual({ start: 23, end: 30 });
    const far = visibleRange({ ...base, total: 30, overscan: 5, scrollTop: 99_999, height: 500 });
    expect(far.end).toBe(30);
    expect(far.start).toBeLessThanOrEqual(far.end);
  });

  it('keeps a bounded number of rows for 100,000 rows anywhere in the list', () => {
    for (const scrollTop of [0, 1_234_567, 4_999_500]) {
      const { start, end } = visibleRange({ ...base, overscan: 6, scrollTop, height: 800 });
      expect(end - start).toBeLessThanOrEqual(Math.ceil(800 / 50) + 1 + 12);
      expect(end).toBeLessThanOrEqual(100_000);
    }
  });

  it('is empty for an empty list and treats a negative scroll (elastic scrolling) as 0', () => {
    expect(visibleRange({ ...base, total: 0, scrollTop: 0, height: 500 })).toEqual({
      start: 0,
      end: 0,
    });
    expect(visibleRange({ ...base, scrollTop: -80, height: 100 })).toEqual({ start: 0, end: 2 });
  });
});

describe('pagesForRange', () => {
  it('names the one page that holds a range inside it', () => {
    expect(pagesForRange({ start: 0, end: 30 }, 200)).toEqual([0]);
    expect(pagesForRange({ start: 200, end: 400 }, 200)).toEqual([1]);
  });

  it('names both pages when a range straddles a boundary', () => {
    expect(pagesForRange({ start: 190, end: 215 }, 200)).toEqual([0, 1]);
  });

  it('treats end as exclusive', () => {
    expect(pagesForRange({ start: 180, end: 200 }, 200)).toEqual([0]);
  });

  it('asks for nothing for an empty range', () => {
    expect(pagesForRange({ start: 10, end: 10 }, 200)).toEqual([]);
  });

  it('finds the page of a row', () => {
    expect(pageOf(0, 200)).toBe(0);
    expect(pageOf(199, 200)).toBe(0);
    expect(pageOf(200, 200)).toBe(1);
    expect(pageOf(99_999, 200)).toBe(499);
  });
});

describe('scrollToReveal', () => {
  it('does not move when the row is fully visible', () => {
    expect(scrollToReveal(5, 0, 500, 50)).toBe(0);
  });

  it('scrolls up just enough to show a row above', () => {
    expect(scrollToReveal(3, 400, 500, 50)).toBe(150);
  });

  it('scrolls down just enough to show a row below', () => {
    // Row 10 spans 500..550; the viewport 0..500 must end at 550.
    expect(scrollToReveal(10, 0, 500, 50)).toBe(50);
  });

  it('reaches the last of 100,000 rows', () => {
    expect(scrollToReveal(99_999, 0, 500, 50)).toBe(100_000 * 50 - 500);
  });
});

describe('navigate', () => {
  it('moves one row with the arrows, stopping at the ends', () => {
    expect(navigate('ArrowDown', 4, 10, 5)).toBe(5);
    expect(navigate('ArrowDown', 9, 10, 5)).toBe(9);
    expect(navigate('ArrowUp', 4, 10, 5)).toBe(3);
    expect(navigate('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('selects the first row on the first arrow press', () => {
    expect(navigate('ArrowDown', null, 10, 5)).toBe(0);
    expect(navigate('ArrowUp', null, 10, 5)).toBe(0);
  });

  it('jumps with Home, End, PageUp and PageDown', () => {
    expect(navigate('Home', 50, 100, 10)).toBe(0);
    expect(navigate('End', 5, 100, 10)).toBe(99);
    expect(navigate('PageDown', 5, 100, 10)).toBe(15);
    expect(navigate('PageDown', 95, 100, 10)).toBe(99);
    expect(navigate('PageUp', 5, 100, 10)).toBe(0);
    expect(navigate('PageUp', 50, 100, 10)).toBe(40);
  });

  it('ignores other keys and empty lists', () => {
    expect(navigate('a', 3, 10, 5)).toBeNull();
    expect(navigate('ArrowDown', null, 0, 5)).toBeNull();
  });

  it('pages by a screen minus one row of context', () => {
    expect(rowsPerPage(520, 52)).toBe(9);
    expect(rowsPerPage(10, 52)).toBe(1);
  });
});
