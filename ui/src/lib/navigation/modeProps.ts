// What the app gives its modes of one review or all (calendar, statements, lobbying) and the
// parts they open.
import type { ExportAsk } from '../export/request';
import type { IpcError, ReviewSummary } from '../ipc/types';

/** The reviews, the one a mode shows, and the choice of another. */
export interface ReviewChoice {
  reviews: ReviewSummary[];
  /** The review shown; null for all reviews (in lobbying: until one is chosen). */
  reviewId: number | null;
  /** Another review (or null: all) was chosen. */
  onreview: (id: number | null) => void;
}

/** What the statements and lobbying parts tell the app. */
export interface AdvocacyEvents {
  /** A deadline was added, changed or removed here (a statement registered, a follow-up). */
  oncalendarchanged: () => void;
  onopenrecommendation: (id: number) => void;
  /** A message for the status line. */
  onstatus: (text: string) => void;
  onerror: (error: IpcError) => void;
  /** Export… was pressed: the app opens the export dialog for this. */
  onexport: (ask: ExportAsk) => void;
}
