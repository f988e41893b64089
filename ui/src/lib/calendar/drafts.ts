// What the deadline dialog starts from: a deadline to edit, or a new one prefilled from where it
// was asked for (a computed date's "Add a task", a recommendation, a day of the month, a button).
import type {
  CalendarEvent,
  Deadline,
  EventKind,
  LinkedRecommendation,
  NewDeadline,
  RecommendationDetail,
} from '../ipc/types';
import { problemsOf } from '../components/problems';
import { GENEVA, isIsoDay, isTime, localZone } from './dates';

/**
 * A deadline as the dialog edits it: what is sent to save it, with the recommendations themselves
 * (their paragraphs are shown). Its `due_date` is '' when not chosen yet (the dialog requires it).
 */
export interface DeadlineDraft extends Omit<NewDeadline, 'recommendation_ids'> {
  /** The deadline edited; null for a new one. */
  id: number | null;
  recommendations: LinkedRecommendation[];
}

/** The reminders a new deadline starts with: the day before. */
const DEFAULT_REMINDERS = [1440];

/** The reminders offered (minutes before the due time), longest first. */
export const REMINDER_CHOICES = [10080, 1440, 60, 0];

/** A reminder in words: "7 days before", "On the day, at 9:00", "At the due time". */
export function reminderLabel(minutes: number, timed: boolean): string {
  if (minutes === 0) return timed ? 'At the due time' : 'On the day, at 9:00';
  if (minutes % 1440 === 0) {
    const days = minutes / 1440;
    return days === 1 ? '1 day before' : `${days} days before`;
  }
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour before' : `${hours} hours before`;
  }
  return minutes === 1 ? '1 minute before' : `${minutes} minutes before`;
}

/** Computed dates whose deadlines are in Geneva's time (the Council's and the Working Group's). */
const GENEVA_KINDS: readonly EventKind[] = [
  'review',
  'responses_due',
  'speakers_list_opens',
  'written_statement_due',
  'adoption',
];

/** What the organization usually has to do for a computed date. */
function taskTitle(event: CalendarEvent): string {
  switch (event.kind) {
    case 'speakers_list_opens':
      return 'Register for the speakers list';
    case 'written_statement_due':
      return 'Send our written statement';
    case 'next_submission_due':
      return 'Send our submission for the next review';
    default:
      return `Prepare for: ${event.title}`;
  }
}

export function newDraft(changes: Partial<DeadlineDraft> = {}): DeadlineDraft {
  return {
    id: null,
    review_id: null,
    event_kind: null,
    title: '',
    due_date: '',
    due_time: null,
    time_zone: localZone(),
    owner: '',
    status: 'to_do',
    notes: '',
    recommendations: [],
    reminders: [...DEFAULT_REMINDERS],
    ...changes,
  };
}

/** "Add a task" on a computed date: its day, its review, Geneva's time for the Council's dates. */
export function draftForEvent(event: CalendarEvent): DeadlineDraft {
  return newDraft({
    review_id: event.review_id,
    event_kind: event.kind === 'custom' ? null : event.kind,
    title: taskTitle(event),
    due_date: event.date,
    time_zone: GENEVA_KINDS.includes(event.kind) ? GENEVA : localZone(),
  });
}

/** A deadline for a recommendation (from its detail pane): no date yet, it is asked for. */
export function draftForRecommendation(detail: RecommendationDetail): DeadlineDraft {
  return newDraft({
    review_id: detail.review_id,
    title: `Follow up on ${detail.paragraph}`,
    recommendations: [{ id: detail.id, review_id: detail.review_id, paragraph: detail.paragraph }],
  });
}

export function draftFromDeadline(deadline: Deadline): DeadlineDraft {
  return {
    id: deadline.id,
    review_id: deadline.review_id,
    event_kind: deadline.event_kind,
    title: deadline.title,
    due_date: deadline.due_date,
    due_time: deadline.due_time,
    time_zone: deadline.time_zone,
    owner: deadline.owner,
    status: deadline.status,
    notes: deadline.notes,
    recommendations: deadline.recommendations.map((r) => ({ ...r })),
    reminders: [...new Set(deadline.reminders.map((r) => r.minutes_before))],
  };
}

/** What is sent to save it. */
export function toNewDeadline(draft: DeadlineDraft): NewDeadline {
  return {
    review_id: draft.review_id,
    event_kind: draft.event_kind,
    title: draft.title.trim(),
    due_date: draft.due_date,
    due_time: draft.due_time || null,
    time_zone: draft.time_zone,
    owner: draft.owner.trim(),
    status: draft.status,
    notes: draft.notes,
    recommendation_ids: draft.recommendations.map((r) => r.id),
    reminders: [...new Set(draft.reminders)].sort((a, b) => b - a),
  };
}

export const TITLE_MAX = 200;

/** What is said of a day that is not written YYYY-MM-DD, where a date picker offers it. */
export const PICK_THE_DAY = 'Write the day as YYYY-MM-DD, or choose it in the calendar.';

/** Why a title cannot be saved: `missing` when it is empty; too long. */
export function titleProblem(title: string, missing: string): string | undefined {
  const trimmed = title.trim();
  if (!trimmed) return missing;
  if (trimmed.length > TITLE_MAX) {
    return `The title is too long: use at most ${TITLE_MAX} characters.`;
  }
  return undefined;
}

/** Why a day cannot be saved: `missing` when there is none; `invalid` when not YYYY-MM-DD. */
export function dayProblem(
  day: string,
  missing: string,
  invalid = 'Write the day as YYYY-MM-DD.',
): string | undefined {
  if (!day) return missing;
  return isIsoDay(day) ? undefined : invalid;
}

/** What stops a draft from being saved, by field; empty when it can be. */
export function draftProblems(
  draft: Pick<DeadlineDraft, 'title' | 'due_date' | 'due_time'>,
): Partial<Record<'title' | 'date' | 'time', string>> {
  return problemsOf({
    title: titleProblem(
      draft.title,
      'Write what is due, for example “Send our written statement”.',
    ),
    date: dayProblem(draft.due_date, 'Choose the day it is due.', PICK_THE_DAY),
    time:
      draft.due_time && !isTime(draft.due_time)
        ? 'Write the time as HH:MM, or leave it empty for the whole day.'
        : undefined,
  });
}
