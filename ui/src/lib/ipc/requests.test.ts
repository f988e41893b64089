import { describe, expect, it } from 'vitest';
import { Action, FormAction, Latest } from './requests.svelte';
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

describe('FormAction', () => {
  it('focuses the first field with a problem instead of saving, and saves once there is none', async () => {
    const form = new FormAction();
    const title = document.createElement('input');
    const date = document.createElement('input');
    document.body.append(title, date);
    const submit = () => new SubmitEvent('submit', { cancelable: true });
    let saved = 0;
    const save = async () => {
      saved += 1;
    };
    form.error = 'An earlier failure';
    const event = submit();
    expect(
      await form.submit(
        event,
        [
          [undefined, title],
          ['Choose a day.', date],
        ],
        save,
      ),
    ).toBe(false);
    expect(event.defaultPrevented).toBe(true);
    expect(form.tried).toBe(true);
    expect(form.error).toBeNull();
    expect(document.activeElement).toBe(date);
    expect(saved).toBe(0);
    expect(await form.submit(submit(), [[null, title]], save)).toBe(true);
    expect(saved).toBe(1);
    title.remove();
    date.remove();
  });
});
