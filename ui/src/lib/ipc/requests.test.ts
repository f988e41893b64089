import { describe, expect, it } from 'vitest';
import { Action, Latest } from './requests.svelte';
import type { IpcError } from './types';

const DISK_FULL: IpcError = { kind: 'io', message: 'The disk is full.' };

describe('Latest', () => {
  it('keeps only the latest answer, whatever order the answers come in', async () => {
    const latest = new Latest<string>();
    let answerFirst: (value: string) => void = () => undefined;
    const first = latest.load(() => new Promise((resolve) => (answerFirst = resolve)));
    expect(latest.loading).toBe(true);
    const second = latest.load(() => Promise.resolve('second'));
    expect(await second).toBe(true);
    expect(latest.loading).toBe(false);
    answerFirst('first');
    expect(await first).toBe(false);
    expect(latest.value).toBe('second');
  });

  it('keeps the last answer when a request fails, and says why', async () => {
    const latest = new Latest<string>();
    await latest.load(() => Promise.resolve('kept'));
    const told: IpcError[] = [];
    const kept = await latest.load(
      () => Promise.reject(DISK_FULL),
      (error) => told.push(error),
    );
    expect(kept).toBe(false);
    expect(latest.value).toBe('kept');
    expect(latest.error).toEqual(DISK_FULL);
    expect(told).toEqual([DISK_FULL]);
    await latest.load(() => Promise.resolve('again'));
    expect(latest.error).toBeNull();
  });

  it('does not tell of a failure answered after a later request', async () => {
    const latest = new Latest<string>();
    let failFirst: (error: unknown) => void = () => undefined;
    const told: IpcError[] = [];
    const first = latest.load(
      () => new Promise((_, reject) => (failFirst = reject)),
      (error) => told.push(error),
    );
    await latest.load(() => Promise.resolve('later'));
    failFirst(DISK_FULL);
    expect(await first).toBe(false);
    expect(latest.error).toBeNull();
    expect(told).toEqual([]);
  });
});

describe('Action', () => {
  it('runs one at a time and says in words why it failed', async () => {
    const action = new Action();
    let finish: () => void = () => undefined;
    const running = action.run(() => new Promise((resolve) => (finish = resolve)));
    expect(action.busy).toBe(true);
    expect(await action.run(() => Promise.resolve())).toBe(false);
    finish();
    expect(await running).toBe(true);
    expect(action.busy).toBe(false);

    expect(await action.run(() => Promise.reject(DISK_FULL))).toBe(false);
    expect(action.error).toBe('The disk is full.');
    expect(action.busy).toBe(false);
    expect(await action.run(() => Promise.resolve())).toBe(true);
    expect(action.error).toBeNull();
  });
});
