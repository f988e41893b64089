// Data shared by the component tests.
import type { ReviewSummary } from '../lib/ipc/types';

/** The sample's review (the United States, 3rd cycle), with `changes` on top. */
export function usReview(changes: Partial<ReviewSummary> = {}): ReviewSummary {
  return {
    id: 3,
    state_under_review: 'United States of America',
    sur_iso3: 'USA',
    cycle: 3,
    wg_session: 36,
    review_date: '2020-11-09',
    report_symbol: null,
    addendum_symbol: null,
    adoption_date: null,
    recommendations: 347,
    ...changes,
  };
}
