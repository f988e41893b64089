// The import's steps, independent of how they are drawn: choose a source → read and preview →
// (correct the format, encoding, columns or review and preview again) → import → result.
// Long work shows a progress bar with counts and Cancel once it has taken more than a second.
import { normalizeError } from '../ipc/errors';
import type {
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportSource,
  ImportSummary,
} from '../ipc/types';

/** The commands the flow needs (the real `api` or a fake in tests). */
export interface ImportApi {
  previewImport(
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportPreview>;
  commitImport(
    token: number,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportSummary>;
  cancelImport(): Promise<void>;
}

export type Step = 'source' | 'reading' | 'preview' | 'importing' | 'done';

/** How long work runs before its progress bar and Cancel button appear. */
export const PROGRESS_AFTER_MS = 1000;

/** How many recommendations an import would write or confirm (0: nothing to import). */
export function importable(summary: ImportSummary | null): number {
  if (!summary) return 0;
  return summary.recommendations_created + summary.recommendations_updated + summary.unchanged;
}

export class ImportFlow {
  step = $state<Step>('source');
  request = $state.raw<ImportRequest | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  result = $state.raw<ImportSummary | null>(null);
  progress = $state.raw<ImportProgress | null>(null);
  /** Whether the progress bar and Cancel are shown (work has run for more than a second). */
  slow = $state(false);
  /** What went wrong last, for a person. */
  error = $state<string | null>(null);
  /** Set when the user cancelled: nothing was changed. */
  cancelled = $state(false);

  readonly #api: ImportApi;
  readonly #progressAfterMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #run = 0;

  constructor(api: ImportApi, progressAfterMs = PROGRESS_AFTER_MS) {
    this.#api = api;
    this.#progressAfterMs = progressAfterMs;
  }

  /** Whether the preview can be imported as it stands. */
  get canImport(): boolean {
    return this.step === 'preview' && importable(this.preview?.summary ?? null) > 0;
  }

  /** Back to the first step, forgetting the source. */
  reset(): void {
    this.#run++;
    this.#stopTimer();
    this.step = 'source';
    this.request = null;
    this.preview = null;
    this.result = null;
    this.progress = null;
    this.error = null;
    this.cancelled = false;
  }

  /** Reads a new source and previews it. */
  async start(source: ImportSource): Promise<void> {
    this.reset();
    await this.#previewWith({ source });
  }

  /** Previews again with the user's corrections (format, encoding, columns, review). */
  async revise(changes: Partial<ImportRequest>): Promise<void> {
    if (!this.request) return;
    await this.#previewWith({ ...this.request, ...changes });
  }

  async #previewWith(request: ImportRequest): Promise<void> {
    const run = this.#begin('reading');
    const previous = this.preview;
    try {
      const preview = await this.#api.previewImport(request, (p) => this.#onProgress(run, p));
      if (run !== this.#run) return;
      this.request = request;
      this.preview = preview;
      this.step = 'preview';
    } catch (raw) {
      if (run !== this.#run) return;
      this.#fail(raw);
      // A failed correction keeps the last good preview; a failed first read goes back.
      this.step = previous ? 'preview' : 'source';
    } finally {
      if (run === this.#run) this.#stopTimer();
    }
  }

  /** Imports what the preview showed. */
  async commit(): Promise<void> {
    const preview = this.preview;
    if (!preview || !this.canImport) return;
    const run = this.#begin('importing');
    try {
      const result = await this.#api.commitImport(preview.token, (p) => this.#onProgress(run, p));
      if (run !== this.#run) return;
      this.result = result;
      this.step = 'done';
    } catch (raw) {
      if (run !== this.#run) return;
      this.#fail(raw);
      this.step = 'preview';
    } finally {
      if (run === this.#run) this.#stopTimer();
    }
  }

  /** Asks the running work to stop; nothing is changed. */
  async cancel(): Promise<void> {
    try {
      await this.#api.cancelImport();
    } catch (raw) {
      this.error = normalizeError(raw).message;
    }
  }

  #begin(step: 'reading' | 'importing'): number {
    const run = ++this.#run;
    this.step = step;
    this.error = null;
    this.cancelled = false;
    this.progress = null;
    this.slow = false;
    this.#stopTimer();
    this.#timer = setTimeout(() => {
      if (run === this.#run) this.slow = true;
    }, this.#progressAfterMs);
    return run;
  }

  #onProgress(run: number, progress: ImportProgress): void {
    if (run === this.#run) this.progress = progress;
  }

  #fail(raw: unknown): void {
    const error = normalizeError(raw);
    if (error.kind === 'cancelled') {
      this.cancelled = true;
    } else {
      this.error = error.message;
    }
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.slow = false;
  }
}
