import { normalizeError } from '../ipc/errors';
import type { IpcError, SearchResult } from '../ipc/types';
import {
  PAGE_SIZE,
  SearchPages,
  searchKeyId,
  searchRequest,
  type RunSearch,
  type SearchKey,
} from './pages.svelte';

/**
 * Short enough that results show within 100 ms of the last key (with a fast search), long
 * enough that a fast typist does not start a search per letter.
 */
export const DEBOUNCE_MS = 60;

export interface ListSearchOptions {
  debounceMs?: number;
  pageSize?: number;
}

/**
 * The list's data source: the search shown, and the one on its way. A new search replaces the
 * list only once its first page (with the counts) has arrived, so the list does not flash empty
 * between keys; answers to searches that were overtaken by a newer one are dropped (each search
 * has a sequence number, only the latest one's answer is used).
 */
export class ListSearch {
  /** The search shown; null until the first one arrives. */
  pages = $state.raw<SearchPages | null>(null);
  /** A search is on its way (the list still shows the previous one). */
  searching = $state(false);
  /** The latest search failed (the list shows the previous one, or nothing). */
  failed = $state(false);

  readonly #run: RunSearch;
  readonly #onError: (error: IpcError) => void;
  readonly #debounceMs: number;
  readonly #pageSize: number;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The id of the latest search asked for. */
  #wanted: string | null = null;
  #wantedKey: SearchKey | null = null;

  constructor(run: RunSearch, onError: (error: IpcError) => void, options: ListSearchOptions = {}) {
    this.#run = run;
    this.#onError = onError;
    this.#debounceMs = options.debounceMs ?? DEBOUNCE_MS;
    this.#pageSize = options.pageSize ?? PAGE_SIZE;
  }

  /**
   * Shows the search `key`: after a short pause when the person is typing (`debounce`), else at
   * once. Nothing is asked when it is the search already shown or on its way.
   */
  show(key: SearchKey, debounce = false): void {
    const id = searchKeyId(key);
    if (id === this.#wanted) return;
    this.#cancelTimer();
    this.#wanted = id;
    this.#wantedKey = key;
    if (debounce && this.#debounceMs > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.#search(key, []);
      }, this.#debounceMs);
    } else {
      void this.#search(key, []);
    }
  }

  /**
   * Runs the latest search again (after edits changed what matches): its first page and the
   * pages `inView` are fetched before the list switches, so it does not flash or jump.
   */
  refresh(inView: number[] = []): Promise<void> {
    this.#cancelTimer();
    const key = this.#wantedKey;
    if (key === null) return Promise.resolve();
    return this.#search(key, inView);
  }

  /** Only the facets' counts again (after one edit): the rows stay as they are. */
  async refreshFacets(): Promise<void> {
    const pages = this.pages;
    if (pages === null) return;
    const seq = this.#seq;
    try {
      const result = await this.#run({ ...pages.request(0), limit: 0 });
      if (seq !== this.#seq || this.pages !== pages) return;
      pages.facets = result.facets;
    } catch (error) {
      if (seq === this.#seq) this.#onError(normalizeError(error));
    }
  }

  /** Stops a search waiting for its pause (when the list goes away). */
  dispose(): void {
    this.#cancelTimer();
    this.#seq += 1;
  }

  async #search(key: SearchKey, inView: number[]): Promise<void> {
    const seq = ++this.#seq;
    this.searching = true;
    const size = this.#pageSize;
    const known = this.pages?.id === searchKeyId(key) ? this.pages.total : null;
    const wanted = [0, ...inView].filter(
      (page, at, all) =>
        all.indexOf(page) === at &&
        page >= 0 &&
        (page === 0 || known === null || page * size < known),
    );
    try {
      const results = await Promise.all(
        wanted.map((page) => this.#run(searchRequest(key, page * size, size, page === 0))),
      );
      // A newer search started while this one ran: its answer is stale, drop it.
      if (seq !== this.#seq) return;
      const loaded = results.map((result, i): [number, SearchResult] => [wanted[i] ?? 0, result]);
      this.pages = new SearchPages(key, this.#run, this.#onError, size, loaded);
      this.failed = false;
    } catch (error) {
      if (seq !== this.#seq) return;
      this.failed = true;
      // Asking again for the same search must be possible (Try again).
      this.#wanted = null;
      this.#onError(normalizeError(error));
    } finally {
      if (seq === this.#seq) this.searching = false;
    }
  }

  #cancelTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
