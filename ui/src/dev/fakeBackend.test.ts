// The fake backend implements the search, bulk edits and Undo for real (tests of the UI rely
// on it): these tests hold it to the contract of ui/src/lib/ipc/types.ts.
import { describe, expect, it } from 'vitest';
import type { SavedView, SearchRequest, SearchResult, UndoOutcome } from '../lib/ipc/types';
import { describeChange, FakeBackend, parseQuery, snippet } from './fakeBackend';

const request = (extra: Partial<SearchRequest> = {}): SearchRequest => ({
  review_id: 1,
  query: '',
  filters: [],
  sort: 'paragraph',
  descending: false,
  facets: true,
  offset: 0,
  limit: 500,
  ...extra,
});

async function search(backend: FakeBackend, extra: Partial<SearchRequest> = {}) {
  return (await backend.handle('search', { request: request(extra) })) as SearchResult;
}

describe('fake search', () => {
  it('has the sample’s 67 noted recommendations among 347', async () => {
    const all = await search(new FakeBackend());
    expect(all.total).toBe(347);
    expect(all.facets.position?.noted).toBe(67);
    expect(all.facets.priority).toEqual({ none: 347 });
  });

  it('parses words, phrases and prefixes as the store does', () => {
    expect(parseQuery('Death  "death penalty" abol* ;;')).toEqual([
      { words: ['death'], prefix: false },
      { words: ['death', 'penalty'], prefix: false },
      { words: ['abol'], prefix: true },
    ]);
  });

  it('finds words whatever their case and accents, phrases in order, prefixes', async () => {
    const backend = new FakeBackend();
    const dine = await search(backend, { query: 'DINE' });
    expect(dine.total).toBeGreaterThan(0);
    expect(dine.terms).toEqual([{ word: 'dine', prefix: false }]);
    const hit = dine.hits[0]!;
    const bytes = new TextEncoder().encode(hit.snippet);
    const [start, end] = hit.matches[0]!;
    expect(new TextDecoder().decode(bytes.slice(start, end))).toBe('Diné');

    const phrase = await search(backend, { query: '"death penalty"' });
    const reversed = await search(backend, { query: '"penalty death"' });
    expect(phrase.total).toBeGreaterThan(0);
    expect(reversed.total).toBe(0);
    const prefix = await search(backend, { query: 'abol*' });
    expect(prefix.total).toBe(phrase.total);
  });

  it('searches the recommending States too', async () => {
    const result = await search(new FakeBackend(), { query: 'turkiye' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.states.includes('Türkiye'))).toBe(true);
  });

  it('counts a facet among the matches of the other facets only (disjunctive)', async () => {
    const backend = new FakeBackend();
    const noted = await search(backend, { filters: [['position', 'noted']] });
    expect(noted.total).toBe(67);
    // Position's own counts ignore the position chosen: the other positions can be added.
    expect(noted.facets.position?.supported).toBeGreaterThan(0);
    expect(noted.facets.position?.noted).toBe(67);
    // Other facets are counted among the noted ones.
    const themes = Object.values(noted.facets.theme ?? {});
    expect(Math.max(...themes)).toBeLessThanOrEqual(67);

    const both = await search(backend, {
      filters: [
        ['position', 'noted'],
        ['position', 'supported_in_part'],
      ],
    });
    expect(both.total).toBe(67 + (noted.facets.position?.supported_in_part ?? 0));
  });

  it('sorts by position and priority, both ways', async () => {
    const backend = new FakeBackend();
    const byPosition = await search(backend, { sort: 'position' });
    expect(byPosition.hits[0]?.position).toBe('supported');
    const reversed = await search(backend, { sort: 'position', descending: true });
    expect(reversed.hits[0]?.position).toBe('pending');
    const paragraphs = (await search(backend, { limit: 12 })).hits.map((h) => h.paragraph);
    expect(paragraphs.slice(8, 11)).toEqual(['26.9', '26.10', '26.11']);
  });

  it('makes a snippet around the first match, with byte ranges', () => {
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') + ' Guaraní end';
    const cut = snippet(long, [{ word: 'guarani', prefix: false }]);
    expect(cut.snippet.startsWith('… w')).toBe(true);
    const bytes = new TextEncoder().encode(cut.snippet);
    const [start, end] = cut.matches[0]!;
    expect(new TextDecoder().decode(bytes.slice(start, end))).toBe('Guaraní');
  });
});

describe('fake descriptions of changes', () => {
  it('says what was set, on what, as the store does', () => {
    expect(describeChange('priority', null, 'high', '26.1')).toBe('Priority set to High on 26.1');
    expect(describeChange('priority', 'high', null, '26.1')).toBe('Priority cleared on 26.1');
    expect(describeChange('lobbying_status', null, 'in_progress', '3 recommendations')).toBe(
      'Lobbying status set to In progress on 3 recommendations',
    );
    expect(describeChange('implementation_status', null, 'partially_implemented', '26.1')).toBe(
      'Implementation status set to Partially implemented on 26.1',
    );
    expect(describeChange('assignee', 'Ana', '', '26.1')).toBe('Assignee cleared on 26.1');
    expect(describeChange('notes', null, 'x', '26.1')).toBe('Notes changed on 26.1');
    expect(describeChange('tag', null, 'urgent', '26.1')).toBe('Tag “urgent” added to 26.1');
    expect(describeChange('tag', 'urgent', null, '2 recommendations')).toBe(
      'Tag “urgent” removed from 2 recommendations',
    );
    expect(describeChange('evidence', null, 'https://a', '26.1')).toBe('Evidence added to 26.1');
  });

  it('describes a bulk edit by the value set and the number changed', async () => {
    const backend = new FakeBackend();
    await backend.handle('bulk_edit', { ids: [1], edit: { field: 'add_tag', value: 'UPR 4' } });
    expect(await backend.handle('last_change', {})).toMatchObject({
      description: 'Tag “UPR 4” added to 1 recommendation',
    });
  });
});

describe('fake bulk edit and undo', () => {
  it('edits a selection in one change, then undoes it', async () => {
    const backend = new FakeBackend();
    const ids = (await backend.handle('search_ids', {
      request: request({ filters: [['position', 'noted']] }),
    })) as number[];
    expect(ids).toHaveLength(67);

    const outcome = await backend.handle('bulk_edit', {
      ids,
      edit: { field: 'priority', value: 'high' },
    });
    expect(outcome).toMatchObject({ changed: 67 });
    expect(await backend.handle('last_change', {})).toMatchObject({
      kind: 'bulk',
      count: 67,
      description: 'Priority set to High on 67 recommendations',
    });
    expect((await search(backend)).facets.priority).toEqual({ high: 67, none: 280 });

    const again = await backend.handle('bulk_edit', {
      ids,
      edit: { field: 'priority', value: 'high' },
    });
    expect(again).toEqual({ change_id: null, changed: 0 });

    const undone = (await backend.handle('undo_last', {})) as UndoOutcome;
    expect(undone.undone.description).toBe('Priority set to High on 67 recommendations');
    expect(undone.recommendation_ids).toHaveLength(67);
    expect((await search(backend)).facets.priority).toEqual({ none: 347 });
    expect(await backend.handle('last_change', {})).toBeNull();
    expect(await backend.handle('undo_last', {})).toBeNull();

    const history = (await backend.handle('review_history', {
      reviewId: 1,
      since: null,
      limit: 10,
    })) as { kind: string; undone_at: string | null }[];
    expect(history.map((c) => c.kind)).toEqual(['undo', 'bulk']);
    expect(history[1]?.undone_at).not.toBeNull();
  });

  it('undoes tags, then the change before', async () => {
    const backend = new FakeBackend();
    await backend.handle('edit_tracking', { id: 3, edit: { field: 'notes', value: 'Met them' } });
    await backend.handle('bulk_edit', { ids: [1, 2, 3], edit: { field: 'add_tag', value: 'UPR' } });
    expect(backend.tracking(2).tags).toEqual(['UPR']);
    await backend.handle('undo_last', {});
    expect(backend.tracking(2).tags).toEqual([]);
    expect(backend.tracking(3).notes).toBe('Met them');
    await backend.handle('undo_last', {});
    expect(backend.tracking(3).notes).toBe('');
  });
});

describe('fake saved views', () => {
  it('replaces a view of the same name, whatever its case, keeping its id', async () => {
    const backend = new FakeBackend();
    const view = (name: string, query: string) => ({
      name,
      review_id: 1,
      query,
      filters: [],
      sort: 'paragraph',
      descending: false,
    });
    const first = (await backend.handle('save_view', { view: view('Noted', 'a') })) as SavedView;
    const again = (await backend.handle('save_view', { view: view('noted', 'b') })) as SavedView;
    expect(again.id).toBe(first.id);
    const views = (await backend.handle('list_views', {})) as SavedView[];
    expect(views.map((v) => [v.name, v.query])).toEqual([['noted', 'b']]);
  });
});
