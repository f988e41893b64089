// The state of requests to the backend, for the components that make them:
// - Latest: loading where only the answer to the latest request counts: a request answered late
//   (the review changed meanwhile, or the data changed and was asked for again) never replaces
//   what a later request brought, nor its failure a later success;
// - Action: what a button does (save, delete, reset): one at a time, its failure said in words;
// - FormAction: a dialog's Save: an Action that first checks the form's fields.
import { normalizeError } from './errors';
import type { IpcError } from './types';

export class Latest<T> {
  /** The latest answer; kept while the next request waits for its own, and when that fails. */
  value = $state<T | null>(null);
  /** A request waits for its answer. */
  loading = $state(false);
  /** Why the latest request failed; null while it waits, and once one succeeds. */
  error = $state<IpcError | null>(null);
  #requests = 0;

  /**
   * Makes a request: its answer becomes `value` (its failure, `error`, told to `onerror` too)
   * unless another request was made since. Resolves to true when its answer was kept.
   */
  async load(request: () => Promise<T>, onerror?: (error: IpcError) => void): Promise<boolean> {
    const token = ++this.#requests;
    this.loading = true;
    this.error = null;
    try {
      const value = await request();
      if (token !== this.#requests) return false;
      this.value = value;
      return true;
    } catch (raw) {
      if (token !== this.#requests) return false;
      const error = normalizeError(raw);
      this.error = error;
      onerror?.(error);
      return false;
    } finally {
      if (token === this.#requests) this.loading = false;
    }
  }
}

export class Action {
  /** Under way: the dialog's buttons wait, and it cannot be closed. */
  busy = $state(false);
  /** Why the last action failed, in words; null once another starts. */
  error = $state<string | null>(null);

  /** Runs `task` unless one is under way. Resolves to true when it succeeded. */
  async run(task: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await task();
      return true;
    } catch (raw) {
      this.error = normalizeError(raw).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** A field of a form, as Save checks it: its problem (if any) and what to focus for it. */
export type CheckedField = [problem: string | null | undefined, input: HTMLElement | undefined];

export class FormAction extends Action {
  /** Save was pressed: the fields' problems are shown from then on. */
  tried = $state(false);

  /**
   * Save pressed (the form's submit): unless an action is under way, shows the problems and
   * focuses the first field with one (`fields` in the form's order), or runs `task` when there is
   * none. Resolves to true when it succeeded.
   */
  async submit(
    event: SubmitEvent,
    fields: CheckedField[],
    task: () => Promise<void>,
  ): Promise<boolean> {
    event.preventDefault();
    if (this.busy) return false;
    this.tried = true;
    this.error = null;
    const first = fields.find(([problem]) => problem);
    if (first) {
      first[1]?.focus();
      return false;
    }
    return this.run(task);
  }
}
