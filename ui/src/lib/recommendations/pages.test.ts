import { describe, expect, it, vi } from 'vitest';
import type { RecommendationPage, RecommendationRow } from '../ipc/types';
import { RecommendationPages } from './pages.svelte';

function makeRow(index: number): RecommendationRow {
  return {
    id: index + 1,
    paragraph: `26.${index + 1}`,
    text: `text ${index}`,
    states: [],
    position: 'pending',
    priority: null,
    lobbying_status: 'not_started',
  };
}

function fakeFetch(total: number) {
  return vi.fn(async (offset: number, limit: number): Promise<RecommendationPage> => {
    const rows: RecommendationRow[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(makeRow(i));
    return { total, offset, rows };
  });
}

describe('RecommendationPages', () => {
  it('fetches a page once, even when asked for it twice at the same time', async () => {
    const fetch = fakeFetch(1000);
    const pages = new RecommendationPages(1, fetch, vi.fn(), 200);
    await Promise.all([pages.ensurePages([0]), pages.ensurePages([0])]);
    await pages.ensurePages([0]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(0, 200);
    expect(pages.total).toBe(1000);
    expect(pages.row(199)?.paragraph).toBe('26.200');
    expect(pages.row(200)).toBeUndefined();
  });

  it('fetches the page of a far row by its offset, never the whole list', async () => {
    const fetch = fakeFetch(100_000);
    const pages = new RecommendationPages(1, fetch, vi.fn(), 200);
    const row = await pages.ensureIndex(54_321);
    expect(row?.paragraph).toBe('26.54322');
    expect(fetch).toHaveBeenCalledWith(54_200, 200);
    for (const [, limit] of fetch.mock.calls) expect(limit).toBe(200);
  });

  it('does not ask for pages past the end once the total is known', async () => {
    const fetch = fakeFetch(250);
    const pages = new RecommendationPages(1, fetch, vi.fn(), 200);
    await pages.ensurePages([0]);
    await pages.ensurePages([1, 2, 3]);
    expect(fetch.mock.calls.map(([offset]) => offset)).toEqual([0, 200]);
  });

  it('reports a failed page once and does not retry it at once', async () => {
    const error = { kind: 'database' as const, message: 'Docket could not read your data.' };
    const fetch = vi.fn(async () => Promise.reject(error));
    const onError = vi.fn();
    const pages = new RecommendationPages(1, fetch, onError, 200);
    await pages.ensurePages([0]);
    await pages.ensurePages([0]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    expect(pages.total).toBeNull();
  });

  it('patches a cached row after an edit', async () => {
    const pages = new RecommendationPages(1, fakeFetch(500), vi.fn(), 200);
    await pages.ensurePages([1]);
    pages.patchRow(250, { priority: 'high', lobbying_status: 'planned' });
    expect(pages.row(249)).toMatchObject({ id: 250, priority: 'high', lobbying_status: 'planned' });
    expect(pages.row(248)?.priority).toBeNull();
  });
});
