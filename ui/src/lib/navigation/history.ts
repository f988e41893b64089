// Back and Forward between views, as in a web browser, without the DOM: the list of views seen,
// where we are in it, and when a view typed in the search box becomes an entry.
//
// A click (a facet, a sort, a review, a mode) is one step: it becomes an entry at once. Typing
// is not: the view follows every keystroke, but an entry is made only when the words settle
// (no key for `settleMs`, or Enter, or the box is left), so Back does not go letter by letter.
import type { FacetFilter, Sort } from '../ipc/types';

export type Mode = 'list' | 'dashboard' | 'history' | 'calendar' | 'statements' | 'states';

/**
 * Modes that show one review at a time (the others also show all reviews). Lobbying (`states`)
 * is prepared per review too, but its tab stays open for all reviews: it asks for one.
 */
export function perReview(mode: Mode): boolean {
  return mode === 'dashboard' || mode === 'history';
}

/** What the main area shows. */
export interface View {
  /** A review's id, or null for all reviews. */
  review: number | null;
  mode: Mode;
  query: string;
  filters: FacetFilter[];
  sort: Sort;
  descending: boolean;
}

export function defaultView(review: number | null): View {
  return { review, mode: 'list', query: '', filters: [], sort: 'paragraph', descending: false };
}

function filterKey([facet, value]: FacetFilter): string {
  return `${facet}\u0000${value}`;
}

/** The same filters, whatever their order. */
function sameFilters(a: readonly FacetFilter[], b: readonly FacetFilter[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(filterKey));
  return b.every((filter) => keys.has(filterKey(filter)));
}

/** Two views show the same thing (the words compared without outer spaces). */
export function sameView(a: View, b: View): boolean {
  return (
    a.review === b.review &&
    a.mode === b.mode &&
    a.query.trim() === b.query.trim() &&
    a.sort === b.sort &&
    a.descending === b.descending &&
    sameFilters(a.filters, b.filters)
  );
}

export interface NavigatorOptions {
  /** Typing becomes an entry after this long without a key (ms). */
  settleMs?: number;
  /** Entries kept; the oldest are dropped beyond it. */
  limit?: number;
  /** Called whenever canBack / canForward may have changed. */
  onchange?: () => void;
}

export const SETTLE_MS = 700;

/** The history of views, with Back and Forward. */
export class Navigator {
  #entries: View[];
  #index = 0;
  /** The view shown now: the current entry, or a typed view not settled yet. */
  #live: View;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #settleMs: number;
  readonly #limit: number;
  readonly #onchange: () => void;

  constructor(initial: View, options: NavigatorOptions = {}) {
    this.#entries = [initial];
    this.#live = initial;
    this.#settleMs = options.settleMs ?? SETTLE_MS;
    this.#limit = Math.max(2, options.limit ?? 100);
    this.#onchange = options.onchange ?? (() => undefined);
  }

  /** The view shown now. */
  get view(): View {
    return this.#live;
  }

  /** The views kept, oldest first (for tests and diagnostics). */
  get entries(): readonly View[] {
    return this.#entries;
  }

  get index(): number {
    return this.#index;
  }

  /** Whether typing has changed the view since the last entry. */
  get pending(): boolean {
    return !sameView(this.#live, this.#current());
  }

  get canBack(): boolean {
    return this.#index > 0 || this.pending;
  }

  get canForward(): boolean {
    return !this.pending && this.#index < this.#entries.length - 1;
  }

  /**
   * The view changes: a `step` (a click) is an entry at once; `typing` only once it settles.
   * A step also settles what was typed before it.
   */
  change(view: View, how: 'step' | 'typing'): void {
    this.#live = view;
    if (how === 'step') {
      this.settle();
      return;
    }
    this.#cancelTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.settle();
    }, this.#settleMs);
    this.#onchange();
  }

  /** What was typed becomes an entry now (Enter, leaving the box, the timer). */
  settle(): void {
    this.#cancelTimer();
    if (this.pending) {
      this.#entries = this.#entries.slice(0, this.#index + 1);
      this.#entries.push(this.#live);
      if (this.#entries.length > this.#limit) this.#entries.shift();
      this.#index = this.#entries.length - 1;
    }
    this.#onchange();
  }

  /** Goes back one entry (after settling what was typed); null at the start. */
  back(): View | null {
    this.settle();
    if (this.#index === 0) return null;
    this.#index -= 1;
    return this.#show();
  }

  /** Goes forward one entry; null at the end. */
  forward(): View | null {
    this.settle();
    if (this.#index >= this.#entries.length - 1) return null;
    this.#index += 1;
    return this.#show();
  }

  /** Starts over from `view`, forgetting every entry (a new start, e.g. the first review opened). */
  reset(view: View): void {
    this.#cancelTimer();
    this.#entries = [view];
    this.#index = 0;
    this.#live = view;
    this.#onchange();
  }

  /** Stops the settle timer (when the app goes away). */
  dispose(): void {
    this.#cancelTimer();
  }

  #current(): View {
    return this.#entries[this.#index] ?? this.#live;
  }

  #show(): View {
    this.#live = this.#current();
    this.#onchange();
    return this.#live;
  }

  #cancelTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
