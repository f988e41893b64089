import type { ErrorKind, IpcError } from './types';

const KINDS: readonly ErrorKind[] = [
  'not_found',
  'invalid_input',
  'database',
  'newer_database',
  'corrupt_database',
  'io',
  'cancelled',
  'internal',
];

/** Shown when a rejection carries nothing a person can act on. */
export const UNEXPECTED_MESSAGE =
  'Docket ran into an unexpected problem and could not finish this step. ' +
  'Please try again. If it keeps happening, close Docket and open it again.';

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, message } = value as Record<string, unknown>;
  return isErrorKind(kind) && typeof message === 'string' && message.trim() !== '';
}

/**
 * Turns whatever a command rejected with into an IpcError that is safe to show.
 *
 * The Rust side rejects with `{ kind, message }` whose message is already written for a person.
 * Anything else (a bare string from Tauri itself such as a permission error, a JS exception, an
 * unknown shape) is wrapped as `internal` with a plain message: raw text, JSON and stack traces are
 * never shown, only logged for whoever debugs.
 */
export function normalizeError(raw: unknown): IpcError {
  if (isIpcError(raw)) return { kind: raw.kind, message: raw.message };
  return { kind: 'internal', message: UNEXPECTED_MESSAGE };
}

/** Errors after which the database cannot be used at all: the app shows a full-window screen. */
export function isFatal(error: IpcError): boolean {
  return error.kind === 'newer_database' || error.kind === 'corrupt_database';
}
