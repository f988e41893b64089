import { describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchRequest, SearchResult } from '../ipc/types';
import { SearchPages, searchKeyId, type SearchKey } from './pages.svelte';

const KEY: SearchKey = {
  review_id: 1,
  query: 'death',
  filters: [['position', 'noted']],
  sort: 'paragraph',
  descending: false,
};

function makeHit(index: number): SearchHit {
  return {
    id: index + 1,
    review: 1,
    paragraph: `26.${index + 1}`,
    snippet: `text ${index}`,
    matches: [],
    position: 'pending',
    states: [],
    priority: null,
    lobbying_status: 'not_started',
    updated_at: null,
  };
}

function fakeSearch(total: number) {
  return vi.fn(async (request: SearchRequest): Promise<SearchResult> => {
    const hits: SearchHit[] = [];
    for (let i = request.offset; i < Math.min(total, request.offset + request.limit); i++) {
      hits.push(makeHit(i));
    }
    return {
      total,
      hits,
      facets: request.facets ? { position: { noted: total } } : {},
      terms: [{ word: 'death', prefix: false }],
    };
  });
}

describe('SearchPages', () => {
  it('fetches a page once, even when asked for it twice at the same time', async () => {
    const search = fakeSearch(1000);
    const pages = new SearchPages(KEY, search, vi.fn(), 200);
    await Promise.all([pages.ensurePages([0]), pages.ensurePages([0])]);
    await pages.ensurePages([0]);
    expect(search).toHaveBeenCalledTimes(1);
    expect(pages.total).toBe(1000);
    expect(pages.row(199)?.paragraph).toBe('26.200');
    expect(pages.row(200)).toBeUndefined();
  });

  it('asks for the counts with the first page only', async () => {
    const search = fakeSearch(1000);
    const pages = new SearchPages(KEY, search, vi.fn(), 200);
    await pages.ensurePages([0, 3]);
    const requests = search.mock.calls.map(([request]) => request);
    expect(requests).toEqual([
      { ...KEY, filters: [['position', 'noted']], facets: true, offset: 0, limit: 200 },
      { ...KEY, filters: [['position', 'noted']], facets: false, offset: 600, limit: 200 },
    ]);
    expect(pages.facets).toEqual({ position: { noted: 1000 } });
    expect(pages.terms).toEqual([{ word: 'death', prefix: false }]);
  });

  it('fetches the page of a far row by its offset, never the whole list', async () => {
    const search = fakeSearch(100_000);
    const pages = new SearchPages(KEY, search, vi.fn(), 200);
    const row = await pages.ensureIndex(54_321);
    expect(row?.paragraph).toBe('26.54322');
    expect(search.mock.calls[0]?.[0]).toMatchObject({ offset: 54_200, limit: 200 });
    for (const [request] of search.mock.calls) expect(request.limit).toBe(200);
  });

  it('does not ask for pages past the end once the total is known', async () => {
    const search = fakeSearch(250);
    const pages = new SearchPages(KEY, search, vi.fn(), 200);
    await pages.ensurePages([0]);
    await pages.ensurePages([1, 2, 3]);
    expect(search.mock.calls.map(([request]) => request.offset)).toEqual([0, 200]);
  });

  it('starts from pages already fetched, without asking again', async () => {
    const search = fakeSearch(500);
    const first = await fakeSearch(500)({
      ...KEY,
      facets: true,
      offset: 0,
      limit: 200,
    });
    const pages = new SearchPages(KEY, search, vi.fn(), 200, [[0, first]]);
    expect(pages.total).toBe(500);
    expect(pages.row(0)?.id).toBe(1);
    expect(pages.facets).toEqual({ position: { noted: 500 } });
    await pages.ensurePages([0]);
    expect(search).not.toHaveBeenCalled();
  });

  it('reports a failed page once and does not retry it at once', async () => {
    const error = { kind: 'database' as const, message: 'Docket could not read your data.' };
    const search = vi.fn(async () => Promise.reject(error));
    const onError = vi.fn();
    const pages = new SearchPages(KEY, search, onError, 200);
    await pages.ensurePages([0]);
    await pages.ensurePages([0]);
    expect(search).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    expect(pages.total).toBeNull();
  });

  it('patches a cached row after an edit', async () => {
    const pages = new SearchPages(KEY, fakeSearch(500), vi.fn(), 200);
    await pages.ensurePages([1]);
    pages.patchRow(250, { priority: 'high', lobbying_status: 'planned' });
    expect(pages.row(249)).toMatchObject({ id: 250, priority: 'high', lobbying_status: 'planned' });
    expect(pages.row(248)?.priority).toBeNull();
    expect(pages.idAt(249)).toBe(250);
  });
});

describe('searchKeyId', () => {
  it('is the same for the same search, whatever the order of the filters and outer spaces', () => {
    const a = searchKeyId({
      ...KEY,
      query: ' death ',
      filters: [
        ['position', 'noted'],
        ['theme', 'Death penalty'],
      ],
    });
    const b = searchKeyId({
      ...KEY,
      filters: [
        ['theme', 'Death penalty'],
        ['position', 'noted'],
      ],
    });
    expect(a).toBe(b);
    expect(searchKeyId({ ...KEY, descending: true })).not.toBe(searchKeyId(KEY));
    expect(searchKeyId({ ...KEY, review_id: null })).not.toBe(searchKeyId(KEY));
  });
});
