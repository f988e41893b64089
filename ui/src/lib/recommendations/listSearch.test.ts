import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchRequest, SearchResult } from '../ipc/types';
import { ListSearch } from './listSearch.svelte';
import type { SearchKey } from './pages.svelte';

const key = (query: string, extra: Partial<SearchKey> = {}): SearchKey => ({
  review_id: 1,
  query,
  filters: [],
  sort: 'paragraph',
  descending: false,
  ...extra,
});

function result(query: string, total: number): SearchResult {
  return {
    total,
    hits: [],
    facets: { position: { noted: total } },
    terms: query ? [{ word: query, prefix: false }] : [],
  };
}

/** A search whose answers the test releases one by one, in any order. */
function controlledSearch() {
  const waiting: { request: SearchRequest; resolve: (r: SearchResult) => void }[] = [];
  const run = vi.fn(
    (request: SearchRequest) =>
      new Promise<SearchResult>((resolve) => waiting.push({ request, resolve })),
  );
  return {
    run,
    waiting,
    answer(query: string, total: number) {
      const at = waiting.findIndex((w) => w.request.query === query);
      const [entry] = waiting.splice(at, 1);
      entry!.resolve(result(query, total));
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ListSearch', () => {
  it('waits for a short pause in typing, then searches once for the last words', async () => {
    const search = controlledSearch();
    const list = new ListSearch(search.run, vi.fn(), { debounceMs: 60 });
    for (const q of ['t', 'to', 'tor', 'tort']) {
      list.show(key(q), true);
      vi.advanceTimersByTime(30);
    }
    expect(search.run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30);
    expect(search.run).toHaveBeenCalledTimes(1);
    expect(search.run.mock.calls[0]?.[0]).toMatchObject({ query: 'tort', facets: true, offset: 0 });
    search.answer('tort', 12);
    await vi.runAllTimersAsync();
    expect(list.pages?.total).toBe(12);
  });

  it('searches at once for a click (no pause)', () => {
    const search = controlledSearch();
    const list = new ListSearch(search.run, vi.fn());
    list.show(key('', { filters: [['position', 'noted']] }));
    expect(search.run).toHaveBeenCalledTimes(1);
  });

  it('drops the answer of a search overtaken by a newer one, even when it arrives last', async () => {
    const search = controlledSearch();
    const list = new ListSearch(search.run, vi.fn(), { debounceMs: 0 });
    list.show(key('death'));
    list.show(key('torture'));
    expect(search.run).toHaveBeenCalledTimes(2);

    search.answer('torture', 5);
    await vi.runAllTimersAsync();
    expect(list.pages?.key.query).toBe('torture');
    expect(list.searching).toBe(false);

    search.answer('death', 40);
    await vi.runAllTimersAsync();
    expect(list.pages?.key.query).toBe('torture');
    expect(list.pages?.total).toBe(5);
  });

  it('keeps showing the previous results until the new ones arrive', async () => {
    const search = controlledSearch();
    const list = new ListSearch(search.run, vi.fn(), { debounceMs: 0 });
    list.show(key(''));
    search.answer('', 347);
    await vi.runAllTimersAsync();
    list.show(key('death'));
    expect(list.searching).toBe(true);
    expect(list.pages?.total).toBe(347);
    search.answer('death', 36);
    await vi.runAllTimersAsync();
    expect(list.pages?.total).toBe(36);
  });

  it('does not search again for the same words (spaces around them do not count)', () => {
    const search = controlledSearch();
    const list = new ListSearch(search.run, vi.fn(), { debounceMs: 0 });
    list.show(key('death'));
    list.show(key(' death '));
    expect(search.run).toHaveBeenCalledTimes(1);
  });

  it('refresh runs the same search again, with the pages in view, and keeps its id', async () => {
    const search = controlledSearch();
    const list = new ListSearch(search.run, vi.fn(), { debounceMs: 0, pageSize: 100 });
    list.show(key(''));
    search.waiting[0]!.resolve({ ...result('', 1000) });
    await vi.runAllTimersAsync();
    const before = list.pages;

    const done = list.refresh([3]);
    expect(search.run.mock.calls.slice(1).map(([r]) => [r.offset, r.facets])).toEqual([
      [0, true],
      [300, false],
    ]);
    for (const w of search.waiting.splice(0)) w.resolve(result('', 990));
    await done;
    expect(list.pages).not.toBe(before);
    expect(list.pages?.id).toBe(before?.id);
    expect(list.pages?.total).toBe(990);
    expect(list.pages?.hasPage(3)).toBe(true);
  });

  it('reports a failed search and lets it be asked again', async () => {
    const error = { kind: 'database' as const, message: 'Docket could not search your data.' };
    const run = vi.fn(async () => Promise.reject(error));
    const onError = vi.fn();
    const list = new ListSearch(run, onError, { debounceMs: 0 });
    list.show(key('death'));
    await vi.runAllTimersAsync();
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    expect(list.failed).toBe(true);
    list.show(key('death'));
    expect(run).toHaveBeenCalledTimes(2);
  });
});
