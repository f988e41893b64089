import type { DeadlineStatus, EventKind, ReviewSummary } from '../ipc/types';

/** What a computed date is, in a few words (what a deadline was made for). */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  review: 'The review',
  responses_due: 'The State’s responses',
  speakers_list_opens: 'The speakers list',
  written_statement_due: 'Written statements',
  adoption: 'The adoption of the outcome',
  mid_term: 'The mid-term report',
  next_submission_due: 'Submissions for the next review',
  next_review: 'The next review',
  custom: 'Your deadline',
};

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  to_do: 'To do',
  in_progress: 'In progress',
  done: 'Done',
};

/** A review as the calendar names it: "United States of America, WG 36". */
export function reviewLabel(
  review: Pick<ReviewSummary, 'state_under_review' | 'wg_session'>,
): string {
  return review.wg_session === null
    ? review.state_under_review
    : `${review.state_under_review}, WG ${review.wg_session}`;
}

/** How the calendar is shown. */
export type CalendarLayout = 'agenda' | 'month';
