import { SvelteMap } from 'svelte/reactivity';
import type { IpcError, RecommendationPage, RecommendationRow } from '../ipc/types';
import { pageOf } from './virtual';

export const PAGE_SIZE = 200;
/** A page that failed is not asked for again sooner than this, so scrolling cannot flood errors. */
const RETRY_AFTER_MS = 5000;

export type FetchPage = (offset: number, limit: number) => Promise<RecommendationPage>;

/**
 * The rows of one review, fetched page by page on demand and kept in a cache.
 * Never asks for all rows; asks for each page at most once at a time.
 */
export class RecommendationPages {
  /** Number of recommendations in the review; null until the first page arrives. */
  total = $state<number | null>(null);

  readonly reviewId: number;
  readonly pageSize: number;
  readonly #fetchPage: FetchPage;
  readonly #onError: (error: IpcError) => void;
  readonly #pages = new SvelteMap<number, RecommendationRow[]>();
  // Bookkeeping only, nothing renders from these: plain Maps on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #inflight = new Map<number, Promise<void>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #failedAt = new Map<number, number>();

  constructor(
    reviewId: number,
    fetchPage: FetchPage,
    onError: (error: IpcError) => void,
    pageSize = PAGE_SIZE,
  ) {
    this.reviewId = reviewId;
    this.#fetchPage = fetchPage;
    this.#onError = onError;
    this.pageSize = pageSize;
  }

  /** The row at `index` if its page is loaded (reactive). */
  row(index: number): RecommendationRow | undefined {
    const page = this.#pages.get(pageOf(index, this.pageSize));
    return page?.[index % this.pageSize];
  }

  hasPage(page: number): boolean {
    return this.#pages.has(page);
  }

  /** Number of pages loaded so far (for tests and diagnostics). */
  get loadedPages(): number {
    return this.#pages.size;
  }

  /** Starts fetching the pages not loaded yet; resolves when all of them settled. */
  ensurePages(pages: number[]): Promise<void> {
    return Promise.all(pages.map((page) => this.#load(page))).then(() => undefined);
  }

  /** Loads the page of row `index` if needed and returns the row. */
  async ensureIndex(index: number): Promise<RecommendationRow | undefined> {
    await this.#load(pageOf(index, this.pageSize));
    return this.row(index);
  }

  /** Updates a cached row in place (after an edit), wherever it is. */
  patchRow(id: number, patch: Partial<Omit<RecommendationRow, 'id'>>): void {
    for (const [page, rows] of this.#pages) {
      const at = rows.findIndex((row) => row.id === id);
      if (at === -1) continue;
      const next = rows.slice();
      next[at] = { ...rows[at], ...patch } as RecommendationRow;
      this.#pages.set(page, next);
      return;
    }
  }

  #load(page: number): Promise<void> {
    if (page < 0 || this.#pages.has(page)) return Promise.resolve();
    if (this.total !== null && page * this.pageSize >= this.total) return Promise.resolve();
    const pending = this.#inflight.get(page);
    if (pending) return pending;
    const failedAt = this.#failedAt.get(page);
    if (failedAt !== undefined && Date.now() - failedAt < RETRY_AFTER_MS) return Promise.resolve();

    const request = this.#fetchPage(page * this.pageSize, this.pageSize)
      .then(
        (result) => {
          this.total = result.total;
          this.#failedAt.delete(page);
          this.#pages.set(page, result.rows);
        },
        (error: IpcError) => {
          this.#failedAt.set(page, Date.now());
          this.#onError(error);
        },
      )
      .finally(() => this.#inflight.delete(page));
    this.#inflight.set(page, request);
    return request;
  }
}
