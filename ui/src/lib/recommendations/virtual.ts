// Pure arithmetic of the virtualized recommendations table: which rows are in the DOM, which
// pages to fetch, where to scroll, where the keyboard moves the selection. No DOM here.

/** Rows [start, end): `end` is exclusive. */
export interface RowRange {
  start: number;
  end: number;
}

export interface Viewport {
  /** Scroll offset of the rows area, in px. */
  scrollTop: number;
  /** Visible height of the rows area (without the sticky header), in px. */
  height: number;
  rowHeight: number;
  total: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rows to keep in the DOM for this viewport: the visible ones plus `overscan` on each side. */
export function visibleRange({
  scrollTop,
  height,
  rowHeight,
  total,
  overscan,
}: Viewport): RowRange {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.floor(top / rowHeight);
  const afterLast = Math.ceil((top + Math.max(0, height)) / rowHeight);
  const start = clamp(first - overscan, 0, total);
  const end = clamp(afterLast + overscan, start, total);
  return { start, end };
}

/** Indices of the pages (of `pageSize` rows) that hold the rows of `range`. */
export function pagesForRange({ start, end }: RowRange, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

/** The page that holds row `index`. */
export function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize);
}

/**
 * The scroll offset that makes row `index` fully visible with the least movement
 * (unchanged when it already is).
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return scrollTop;
}

/** Number of rows PageUp/PageDown move: one screen, keeping one row of context. */
export function rowsPerPage(height: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(height / rowHeight) - 1);
}

/**
 * Where a navigation key moves the selection, or null when the key is not a navigation key
 * (or there is nothing to select). With no selection yet, any move selects a first row.
 */
export function navigate(
  key: string,
  current: number | null,
  total: number,
  pageRows: number,
): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  switch (key) {
    case 'ArrowDown':
      return current === null ? 0 : Math.min(current + 1, last);
    case 'ArrowUp':
      return current === null ? 0 : Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return current === null ? Math.min(pageRows, last) : Math.min(current + pageRows, last);
    case 'PageUp':
      return current === null ? 0 : Math.max(current - pageRows, 0);
    default:
      return null;
  }
}
