import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../ipc/types';
import { entryChange, entryValue, periodSince, relativeTime, rfc3339 } from './format';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('periodSince', () => {
  it('is 7 days, 30 days, or nothing before now, in RFC 3339 UTC to the second', () => {
    expect(periodSince('week', NOW)).toBe('2026-11-17T12:00:00Z');
    expect(periodSince('month', NOW)).toBe('2026-10-25T12:00:00Z');
    expect(periodSince('all', NOW)).toBeNull();
    expect(rfc3339(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });
});

describe('relativeTime', () => {
  it('says how long ago, in the largest unit that fits', () => {
    expect(relativeTime('2026-11-24T11:59:40Z', NOW, 'en')).toBe('now');
    expect(relativeTime('2026-11-24T11:55:00Z', NOW, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-24T10:00:00Z', NOW, 'en')).toBe('2 hours ago');
    expect(relativeTime('2026-11-23T10:00:00Z', NOW, 'en')).toBe('yesterday');
    expect(relativeTime('2026-11-10T12:00:00Z', NOW, 'en')).toBe('2 weeks ago');
    expect(relativeTime('2025-11-01T12:00:00Z', NOW, 'en')).toBe('last year');
  });

  it("speaks the user's language", () => {
    expect(relativeTime('2026-11-24T10:00:00Z', NOW, 'fr')).toBe('il y a 2 heures');
  });

  it('returns what it cannot read as it was written', () => {
    expect(relativeTime('soon', NOW, 'en')).toBe('soon');
  });
});

describe('entries', () => {
  const entry = (
    field: string,
    old_value: string | null,
    new_value: string | null,
  ): ChangeEntry => ({
    recommendation_id: 1,
    review_id: 1,
    paragraph: '140.1',
    field,
    old_value,
    new_value,
  });

  it('use human labels for codes and "(not set)" for nothing', () => {
    expect(entryChange(entry('priority', null, 'high'))).toEqual({
      field: 'Priority',
      change: '(not set) → High',
    });
    expect(entryChange(entry('lobbying_status', 'planned', 'in_progress'))).toEqual({
      field: 'Lobbying status',
      change: 'Planned → In progress',
    });
    expect(
      entryChange(entry('implementation_status', 'not_assessed', 'fully_implemented')).change,
    ).toBe('Not assessed → Fully implemented');
    expect(entryValue('assignee', null)).toBe('(not set)');
    expect(entryValue('assignee', 'Ana')).toBe('Ana');
  });

  it('name only the tag added or removed', () => {
    expect(entryChange(entry('add_tag', null, 'Campaign 2026'))).toEqual({
      field: 'Tag added',
      change: 'Campaign 2026',
    });
    expect(entryChange(entry('remove_tag', 'Old', null))).toEqual({
      field: 'Tag removed',
      change: 'Old',
    });
  });
});
