// The fake's export (tests of the UI rely on it): held to the contract of the export commands in
// ui/src/lib/ipc/api.ts and types.ts.
import { describe, expect, it } from 'vitest';
import type {
  ExportDone,
  ExportProgress,
  ExportRequest,
  ExportSummary,
  OrganizationInfo,
  SearchResult,
} from '../lib/ipc/types';
import { statementContent } from '../test/fixtures';
import { FakeBackend } from './fakeBackend';
import { FAKE_LOGO } from './fakeExport';
import { exportRequest } from '../test/fixtures';

async function preview(backend: FakeBackend, changes: Partial<ExportRequest> = {}) {
  return (await backend.handle('export_preview', {
    request: exportRequest(changes),
  })) as ExportSummary;
}

async function exportDocument(backend: FakeBackend, changes: Partial<ExportRequest> = {}) {
  const progress: ExportProgress[] = [];
  const done = (await backend.handle('export_document', {
    request: exportRequest(changes),
    onProgress: { onmessage: (p: ExportProgress) => progress.push(p) },
  })) as ExportDone | null;
  return { done, progress };
}

describe('fake export preview', () => {
  it('counts the review, a search, a selection', async () => {
    const backend = new FakeBackend();
    const all = await preview(backend);
    expect(all).toMatchObject({
      title: 'Thematic briefing: United States of America, WG 36',
      file_name: 'Thematic briefing - United States of America, WG 36.docx',
      recommendations: 347,
      words: null,
    });
    expect(all.lines[0]).toMatch(/^347 recommendations in \d+ themes$/);
    expect(all.lines[1]).toContain('67 noted');

    const found = (await backend.handle('search', {
      request: {
        review_id: 1,
        query: 'women',
        filters: [],
        sort: 'paragraph',
        descending: false,
        facets: false,
        offset: 0,
        limit: 0,
      },
    })) as SearchResult;
    const women = await preview(backend, { query: 'women', format: 'pdf' });
    expect(women.recommendations).toBe(found.total);
    expect(women.file_name.endsWith('.pdf')).toBe(true);
    const noted = await preview(backend, { filters: [['position', 'noted']] });
    expect(noted.recommendations).toBe(67);
    // A selection stands alone (ids of another review are not exported with this one).
    expect((await preview(backend, { ids: [2, 5, 9, 100000] })).recommendations).toBe(3);
  });

  it('refuses an empty search or selection with what to do', async () => {
    const backend = new FakeBackend();
    await expect(preview(backend, { query: 'nothingmatchesthis' })).rejects.toEqual({
      kind: 'invalid_input',
      message: expect.stringContaining('There is nothing to export'),
    });
    await expect(preview(backend, { ids: [] })).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(preview(backend, { review_id: 9 })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('counts the States, one or all, and the matrix’s words', async () => {
    const backend = new FakeBackend();
    const every = await preview(backend, { template: 'state' });
    expect(every.states).toBe(30);
    expect(every.lines[0]).toBe('30 States, one per page');
    const france = await preview(backend, { template: 'state', state: 'France' });
    expect(france.states).toBe(1);
    expect(france.title).toBe('State lobbying sheet: France');
    expect(france.recommendations).toBeGreaterThan(0);
    expect(france.recommendations).toBeLessThan(every.recommendations);
    await expect(preview(backend, { template: 'state', state: 'Atlantis' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });

    const matrix = await preview(backend, { template: 'matrix' });
    // The whole review is over even a joint submission's limit; a few recommendations fit.
    expect(matrix.words).toBeGreaterThan(5630);
    const few = await preview(backend, { template: 'matrix', ids: [1, 2, 3] });
    expect(few.words).toBeGreaterThan(0);
    expect(few.words).toBeLessThan(2815);
  });

  it('exports a statement or the review’s, and the calendar', async () => {
    const backend = new FakeBackend({ calendarDemo: false });
    await expect(preview(backend, { template: 'statement' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    const saved = backend.advocacy.saveStatement(
      null,
      statementContent({ title: 'On the adoption', text: 'Thank you, Madam President.' }),
    );
    const one = await preview(backend, { template: 'statement', statement_id: saved.id });
    expect(one).toMatchObject({ statements: 1, title: 'On the adoption', lines: ['4 words'] });
    expect((await preview(backend, { template: 'statement' })).statements).toBe(1);
    await expect(
      preview(backend, { template: 'statement', statement_id: 999 }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    const calendar = await preview(backend, { template: 'calendar' });
    expect(calendar.events).toBeGreaterThan(0);
  });
});

describe('fake export of a document', () => {
  it('sends two progress messages, then says where the file is; opens and shows it', async () => {
    const backend = new FakeBackend();
    const { done, progress } = await exportDocument(backend, { format: 'xlsx' });
    expect(progress).toHaveLength(2);
    expect(progress[1]).toEqual({ step: 'Writing the document', done: 347, total: 347 });
    expect(done).toMatchObject({
      id: 1,
      file_name: 'Thematic briefing - United States of America, WG 36.xlsx',
      path: '/home/ana/Documents/Thematic briefing - United States of America, WG 36.xlsx',
    });
    expect(done!.bytes).toBeGreaterThan(0);
    await backend.handle('open_export', { id: 1 });
    await backend.handle('reveal_export', { id: 1 });
    expect(backend.exports.opened).toEqual([1]);
    expect(backend.exports.revealed).toEqual([1]);
    await expect(backend.handle('open_export', { id: 7 })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('answers null when the save dialog is cancelled, and fails as told', async () => {
    const backend = new FakeBackend({ exportFolder: null });
    const cancelled = await exportDocument(backend);
    expect(cancelled).toEqual({ done: null, progress: [] });

    backend.exports.folder = 'C:\\Users\\Ana\\Documents';
    const windows = await exportDocument(backend, { template: 'calendar' });
    expect(windows.done?.path).toBe(
      'C:\\Users\\Ana\\Documents\\Calendar overview - United States of America, WG 36.docx',
    );

    const failure = { kind: 'io' as const, message: 'The file is open in Word. Close it first.' };
    backend.exports.failure = failure;
    await expect(exportDocument(backend)).rejects.toEqual(failure);
  });
});

describe('fake organization', () => {
  it('keeps the name (spaces tidied) and the logo, and refuses what the app refuses', async () => {
    const backend = new FakeBackend();
    expect(await backend.handle('organization', {})).toEqual({ name: '', logo: null });
    expect(await backend.handle('set_organization_name', { name: '  Rights   Watch ' })).toEqual({
      name: 'Rights Watch',
      logo: null,
    });
    await expect(
      backend.handle('set_organization_name', { name: 'x'.repeat(201) }),
    ).rejects.toMatchObject({ kind: 'invalid_input', message: expect.stringContaining('201') });

    const chosen = (await backend.handle('choose_organization_logo', {})) as OrganizationInfo;
    expect(chosen).toEqual({ name: 'Rights Watch', logo: FAKE_LOGO });
    expect(chosen.logo?.data_url.startsWith('data:image/png;base64,')).toBe(true);
    backend.exports.pickLogo = 'cancel';
    expect(await backend.handle('choose_organization_logo', {})).toBeNull();
    backend.exports.pickLogo = 'not_image';
    await expect(backend.handle('choose_organization_logo', {})).rejects.toMatchObject({
      message: 'This file is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.',
    });
    // A refused file changes nothing.
    expect(((await backend.handle('organization', {})) as OrganizationInfo).logo).toEqual(
      FAKE_LOGO,
    );
    expect(await backend.handle('remove_organization_logo', {})).toEqual({
      name: 'Rights Watch',
      logo: null,
    });
  });
});
