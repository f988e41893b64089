import { formatDate, ordinal } from '../format';
import type { ReviewSummary } from '../ipc/types';

/** "3rd cycle, WG 36" — the parts that are known. */
export function reviewSession(review: ReviewSummary): string {
  const parts: string[] = [];
  if (review.cycle !== null) parts.push(`${ordinal(review.cycle)} cycle`);
  if (review.wg_session !== null) parts.push(`WG ${review.wg_session}`);
  return parts.join(', ');
}

/** "United States of America — 3rd cycle, WG 36, reviewed 9 Nov 2020". */
export function reviewTitle(review: ReviewSummary): string {
  const parts: string[] = [];
  const session = reviewSession(review);
  if (session) parts.push(session);
  if (review.review_date) parts.push(`reviewed ${formatDate(review.review_date)}`);
  return parts.length
    ? `${review.state_under_review} — ${parts.join(', ')}`
    : review.state_under_review;
}
