import { SvelteMap } from 'svelte/reactivity';
import type {
  FacetFilter,
  IpcError,
  SearchHit,
  SearchRequest,
  SearchResult,
  SearchTerm,
  Sort,
} from '../ipc/types';
import { pageOf } from './virtual';

export const PAGE_SIZE = 200;
/** A page that failed is not asked for again sooner than this, so scrolling cannot flood errors. */
const RETRY_AFTER_MS = 5000;

/** What the list shows: a search, without the window of it (offset, limit). */
export interface SearchKey {
  review_id: number | null;
  query: string;
  filters: FacetFilter[];
  sort: Sort;
  descending: boolean;
}

/** A string that is equal for equal searches (filters in any order, words without outer spaces). */
export function searchKeyId(key: SearchKey): string {
  const filters = key.filters.map(([facet, value]) => `${facet}=${value}`).sort();
  return JSON.stringify([key.review_id, key.query.trim(), filters, key.sort, key.descending]);
}

export function searchRequest(
  key: SearchKey,
  offset: number,
  limit: number,
  facets: boolean,
): SearchRequest {
  return {
    review_id: key.review_id,
    query: key.query.trim(),
    filters: key.filters.map(([facet, value]): FacetFilter => [facet, value]),
    sort: key.sort,
    descending: key.descending,
    facets,
    offset,
    limit,
  };
}

export type RunSearch = (request: SearchRequest) => Promise<SearchResult>;

/**
 * The hits of one search, fetched page by page on demand and kept in a cache. The first page
 * comes with the facets' counts and the words searched for; pages fetched while scrolling do not
 * ask for counts. Never asks for all rows; asks for each page at most once at a time.
 */
export class SearchPages {
  /** Number of matching recommendations; null until the first page arrives. */
  total = $state<number | null>(null);
  /** Counts of every facet value (from the first page; counted again after an edit). */
  facets = $state.raw<SearchResult['facets']>({});
  /** The words searched for, folded (for highlighting in the full text). */
  terms = $state.raw<SearchTerm[]>([]);

  readonly key: SearchKey;
  /** Equal for equal searches: a refreshed search keeps the same id. */
  readonly id: string;
  readonly pageSize: number;
  readonly #run: RunSearch;
  readonly #onError: (error: IpcError) => void;
  readonly #pages = new SvelteMap<number, SearchHit[]>();
  // Bookkeeping only, nothing renders from these: plain Maps on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #inflight = new Map<number, Promise<void>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #failedAt = new Map<number, number>();

  /**
   * `loaded` are pages already fetched ([page number, result]), e.g. the first page with its
   * counts, fetched before the list switches to this search.
   */
  constructor(
    key: SearchKey,
    run: RunSearch,
    onError: (error: IpcError) => void,
    pageSize = PAGE_SIZE,
    loaded: Iterable<readonly [number, SearchResult]> = [],
  ) {
    this.key = key;
    this.id = searchKeyId(key);
    this.#run = run;
    this.#onError = onError;
    this.pageSize = pageSize;
    for (const [page, result] of loaded) this.#accept(page, result);
  }

  /** The row at `index` if its page is loaded (reactive). */
  row(index: number): SearchHit | undefined {
    const page = this.#pages.get(pageOf(index, this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** The id of the row at `index` if its page is loaded. */
  idAt(index: number): number | undefined {
    return this.row(index)?.id;
  }

  hasPage(page: number): boolean {
    return this.#pages.has(page);
  }

  /** Starts fetching the pages not loaded yet; resolves when all of them settled. */
  ensurePages(pages: number[]): Promise<void> {
    return Promise.all(pages.map((page) => this.#load(page))).then(() => undefined);
  }

  /** Loads the page of row `index` if needed and returns the row. */
  async ensureIndex(index: number): Promise<SearchHit | undefined> {
    await this.#load(pageOf(index, this.pageSize));
    return this.row(index);
  }

  /** Updates a cached row in place (after an edit), wherever it is. */
  patchRow(id: number, patch: Partial<Omit<SearchHit, 'id'>>): void {
    for (const [page, rows] of this.#pages) {
      const at = rows.findIndex((row) => row.id === id);
      if (at === -1) continue;
      const next = rows.slice();
      next[at] = { ...rows[at], ...patch } as SearchHit;
      this.#pages.set(page, next);
      return;
    }
  }

  /** The request for page `page` (the first one with the counts). */
  request(page: number): SearchRequest {
    return searchRequest(this.key, page * this.pageSize, this.pageSize, page === 0);
  }

  #accept(page: number, result: SearchResult): void {
    this.total = result.total;
    if (page === 0) {
      this.facets = result.facets;
      this.terms = result.terms;
    }
    this.#failedAt.delete(page);
    this.#pages.set(page, result.hits);
  }

  #load(page: number): Promise<void> {
    if (page < 0 || this.#pages.has(page)) return Promise.resolve();
    if (this.total !== null && page * this.pageSize >= this.total) return Promise.resolve();
    const pending = this.#inflight.get(page);
    if (pending) return pending;
    const failedAt = this.#failedAt.get(page);
    if (failedAt !== undefined && Date.now() - failedAt < RETRY_AFTER_MS) return Promise.resolve();

    const request = this.#run(this.request(page))
      .then(
        (result) => this.#accept(page, result),
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
