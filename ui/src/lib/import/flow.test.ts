import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportProgress, ImportRequest, ImportSummary } from '../ipc/types';
import { usPreview } from '../../dev/fakeBackend';
import { ImportFlow, type ImportApi } from './flow.svelte';

const FILE = { kind: 'file', path: '/home/ana/recommendations.csv' } as const;

/** A hand-driven api: each call waits until the test resolves or rejects it. */
function manualApi() {
  const pending: {
    kind: 'preview' | 'commit';
    request?: ImportRequest;
    progress: (p: ImportProgress) => void;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const api: ImportApi = {
    previewImport: (request, progress) =>
      new Promise<ImportPreview>((resolve, reject) => {
        pending.push({ kind: 'preview', request, progress, resolve: resolve as never, reject });
      }),
    commitImport: (_token, progress) =>
      new Promise<ImportSummary>((resolve, reject) => {
        pending.push({ kind: 'commit', progress, resolve: resolve as never, reject });
      }),
    cancelImport: vi.fn(() => Promise.resolve()),
  };
  return { api, pending };
}

function previewFor(request: ImportRequest): ImportPreview {
  return { token: 7, ...usPreview({ ...request, review_id: 1 }) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('import flow', () => {
  it('shows progress and Cancel only after a second of work', async () => {
    vi.useFakeTimers();
    const { api, pending } = manualApi();
    const flow = new ImportFlow(api, 1000);
    const started = flow.start(FILE);
    expect(flow.step).toBe('reading');
    pending[0]!.progress({ phase: 'checking', done: 1000, total: 5000 });
    expect(flow.slow).toBe(false);
    vi.advanceTimersByTime(999);
    expect(flow.slow).toBe(false);
    vi.advanceTimersByTime(2);
    expect(flow.slow).toBe(true);
    expect(flow.progress).toEqual({ phase: 'checking', done: 1000, total: 5000 });
    pending[0]!.resolve(previewFor({ source: FILE }));
    await started;
    expect(flow.step).toBe('preview');
    expect(flow.slow).toBe(false);
    expect(flow.canImport).toBe(true);
  });

  it('a cancelled import says nothing changed and keeps the preview to import again', async () => {
    const { api, pending } = manualApi();
    const flow = new ImportFlow(api);
    const started = flow.start(FILE);
    pending[0]!.resolve(previewFor({ source: FILE }));
    await started;
    const committing = flow.commit();
    expect(flow.step).toBe('importing');
    await flow.cancel();
    expect(api.cancelImport).toHaveBeenCalledOnce();
    pending[1]!.reject({ kind: 'cancelled', message: 'Cancelled: nothing was changed.' });
    await committing;
    expect(flow.step).toBe('preview');
    expect(flow.cancelled).toBe(true);
    expect(flow.error).toBeNull();
    expect(flow.canImport).toBe(true);
  });

  it('a failed correction keeps the last good preview and says why', async () => {
    const { api, pending } = manualApi();
    const flow = new ImportFlow(api);
    const started = flow.start(FILE);
    const first = previewFor({ source: FILE });
    pending[0]!.resolve(first);
    await started;
    const revising = flow.revise({ encoding: 'macintosh' });
    expect(pending[1]!.request).toEqual({ source: FILE, encoding: 'macintosh' });
    pending[1]!.reject({ kind: 'invalid_input', message: 'Docket does not know this encoding.' });
    await revising;
    expect(flow.step).toBe('preview');
    expect(flow.preview).toBe(first);
    expect(flow.request).toEqual({ source: FILE });
    expect(flow.error).toBe('Docket does not know this encoding.');
  });

  it('a file that cannot be read goes back to choosing one', async () => {
    const { api, pending } = manualApi();
    const flow = new ImportFlow(api);
    const started = flow.start(FILE);
    pending[0]!.reject({ kind: 'invalid_input', message: 'report.pdf is password-protected.' });
    await started;
    expect(flow.step).toBe('source');
    expect(flow.error).toBe('report.pdf is password-protected.');
  });

  it('a preview that imports nothing cannot be committed', async () => {
    const { api, pending } = manualApi();
    const flow = new ImportFlow(api);
    const started = flow.start(FILE);
    pending[0]!.resolve({ token: 1, ...usPreview({ source: FILE }) });
    await started;
    expect(flow.preview?.needs_review).toMatch(/Choose the review/);
    expect(flow.canImport).toBe(false);
    await flow.commit();
    expect(pending).toHaveLength(1);
  });

  it('a result that arrives after the user started over is ignored', async () => {
    const { api, pending } = manualApi();
    const flow = new ImportFlow(api);
    const started = flow.start(FILE);
    flow.reset();
    pending[0]!.resolve(previewFor({ source: FILE }));
    await started;
    expect(flow.step).toBe('source');
    expect(flow.preview).toBeNull();
  });
});
