import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { isFatal, normalizeError, UNEXPECTED_MESSAGE } from './errors';

describe('normalizeError', () => {
  it('keeps an IpcError from the Rust side as it is', () => {
    const error = { kind: 'not_found', message: 'This recommendation is no longer in Docket.' };
    expect(normalizeError(error)).toEqual(error);
  });

  it('drops extra fields of an IpcError', () => {
    expect(normalizeError({ kind: 'io', message: 'Disk full.', stack: 'at x' })).toEqual({
      kind: 'io',
      message: 'Disk full.',
    });
  });

  it.each([
    ['a bare string from Tauri', 'Command edit_tracking not allowed by ACL'],
    ['a JS exception', new TypeError("Cannot read properties of undefined (reading 'invoke')")],
    ['an unknown kind', { kind: 'boom', message: 'x' }],
    ['a missing message', { kind: 'database' }],
    ['an empty message', { kind: 'database', message: '  ' }],
    ['a non-string message', { kind: 'database', message: { sql: 'SELECT' } }],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
  ])('wraps %s as an internal error with a plain message', (_name, raw) => {
    const error = normalizeError(raw);
    expect(error).toEqual({ kind: 'internal', message: UNEXPECTED_MESSAGE });
    expect(error.message).not.toMatch(/[{}]|ACL|TypeError|undefined/);
  });

  it('treats only a newer or damaged database as fatal', () => {
    expect(isFatal({ kind: 'newer_database', message: 'm' })).toBe(true);
    expect(isFatal({ kind: 'corrupt_database', message: 'm' })).toBe(true);
    expect(isFatal({ kind: 'database', message: 'm' })).toBe(false);
    expect(isFatal({ kind: 'internal', message: 'm' })).toBe(false);
  });
});

describe('api', () => {
  it('sends camelCase arguments and returns the typed result', async () => {
    const calls: [string, unknown][] = [];
    const history = [
      { id: 3, kind: 'bulk', description: 'Priority set to High on 2 recommendations' },
    ];
    mockIPC((command, args) => {
      calls.push([command, args]);
      return history;
    });
    await expect(api.reviewHistory(7, '2026-11-17T00:00:00Z', 100)).resolves.toEqual(history);
    expect(calls).toEqual([
      ['review_history', { reviewId: 7, since: '2026-11-17T00:00:00Z', limit: 100 }],
    ]);
  });

  it('rejects with the IpcError the command rejected with', async () => {
    const error = { kind: 'invalid_input', message: 'A tag cannot be empty.' };
    mockIPC(() => Promise.reject(error));
    await expect(api.editTracking(1, { field: 'add_tag', value: '' })).rejects.toEqual(error);
  });

  it('rejects with a plain internal error when the command rejected with a string', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mockIPC(() => Promise.reject('command app_info not found'));
    await expect(api.appInfo()).rejects.toEqual({ kind: 'internal', message: UNEXPECTED_MESSAGE });
    expect(log).toHaveBeenCalled();
  });
});
