import { describe, expect, it } from 'vitest';
import type { RecommendationDetail } from '../ipc/types';
import { localZone } from './dates';
import {
  draftForEvent,
  draftForRecommendation,
  draftFromDeadline,
  draftProblems,
  reminderLabel,
  toNewDeadline,
} from './drafts';
import { computed, deadline, newDeadline, speakersList } from '../../test/fixtures';

describe('deadline drafts', () => {
  it('prefills a task from a computed date: its title, day, review and Geneva’s time', () => {
    const speakers = speakersList();
    expect(draftForEvent(speakers)).toMatchObject({
      id: null,
      title: 'Register for the speakers list',
      due_date: '2021-02-19',
      review_id: 1,
      event_kind: 'speakers_list_opens',
      time_zone: 'Europe/Zurich',
    });
    expect(draftForEvent(computed({ kind: 'written_statement_due' })).title).toBe(
      'Send our written statement',
    );
    const midTerm = computed({ kind: 'mid_term', title: 'Mid-term report (voluntary)' });
    expect(draftForEvent(midTerm)).toMatchObject({
      title: 'Prepare for: Mid-term report (voluntary)',
      time_zone: localZone(),
    });
  });

  it('prefills a follow-up of a recommendation, without a day', () => {
    const detail = { id: 12, review_id: 1, paragraph: '26.12' } as RecommendationDetail;
    expect(draftForRecommendation(detail)).toMatchObject({
      title: 'Follow up on 26.12',
      due_date: '',
      review_id: 1,
      time_zone: localZone(),
      recommendations: [{ id: 12, review_id: 1, paragraph: '26.12' }],
    });
  });

  it('turns a draft into what is saved, and a deadline back into a draft', () => {
    const saved = deadline({
      due_time: '12:00',
      owner: 'Ana',
      recommendations: [{ id: 3, review_id: 1, paragraph: '26.3' }],
      reminders: [
        { id: 1, minutes_before: 0, fires_at: '', fired_at: null, snoozed_until: null },
        { id: 2, minutes_before: 10080, fires_at: '', fired_at: null, snoozed_until: null },
      ],
    });
    const draft = draftFromDeadline(saved);
    expect(draft.reminders).toEqual([0, 10080]);
    expect(toNewDeadline({ ...draft, title: '  Statement  ', due_time: '' })).toEqual(
      newDeadline({ title: 'Statement', recommendation_ids: [3], reminders: [10080, 0] }),
    );
  });

  it('requires a title and a day, and a well-written time', () => {
    expect(draftProblems({ title: ' ', due_date: '', due_time: null })).toEqual({
      title: expect.any(String),
      date: 'Choose the day it is due.',
    });
    expect(draftProblems({ title: 'x', due_date: '2021-02-30', due_time: '25:00' })).toEqual({
      date: expect.any(String),
      time: expect.any(String),
    });
    expect(draftProblems({ title: 'x', due_date: '2021-02-08', due_time: '12:00' })).toEqual({});
  });

  it('words reminders by whether the deadline has a time', () => {
    expect(reminderLabel(0, false)).toBe('On the day, at 9:00');
    expect(reminderLabel(0, true)).toBe('At the due time');
    expect(reminderLabel(10080, true)).toBe('7 days before');
    expect(reminderLabel(1440, true)).toBe('1 day before');
    expect(reminderLabel(60, true)).toBe('1 hour before');
    expect(reminderLabel(2880, true)).toBe('2 days before');
    expect(reminderLabel(30, true)).toBe('30 minutes before');
  });
});
