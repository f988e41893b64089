// What the export dialog is opened with, what is chosen in it, the request they make, and what
// is exported in words.
import { countLabel, ordinal } from '../format';
import type {
  ExportFormat,
  ExportRequest,
  ExportTemplate,
  FacetFilter,
  ReviewSummary,
  SearchResult,
} from '../ipc/types';
import { valueLabel } from '../search/facets';
import { usesRecommendations } from './labels';

/** What to export, as the place the dialog is opened from knows it. */
export interface ExportContext {
  reviewId: number;
  /** The review in words: "United States of America, 3rd cycle" (`reviewWords`). */
  review: string;
  /** The list's search words and filters ('' and [] for the whole review). */
  query: string;
  filters: FacetFilter[];
  /** How many recommendations the search finds (the whole review's when not narrowed). */
  found: number | null;
  /** The recommendations selected in the list; null when none are. */
  ids: number[] | null;
  /** The State template's State at first; null: every State. */
  state: string | null;
  /** The recommending States to choose one from (State template). */
  states: string[];
  /** The statement template's statement; null: every statement of the review. */
  statementId: number | null;
  /** Its title, to say what is exported. */
  statementTitle?: string;
  /** The templates offered here, and the one chosen at first. */
  templates: ExportTemplate[];
  template: ExportTemplate;
}

/**
 * What a place asks to export: the review and the templates, and what it narrows (the app adds
 * what it knows of the review: its name, its number of recommendations).
 */
export type ExportAsk = Pick<ExportContext, 'reviewId' | 'templates' | 'template'> &
  Partial<Omit<ExportContext, 'reviewId' | 'templates' | 'template'>>;

/** The dialog's context for what a place asks, with the review it is about (when still known). */
export function contextFor(ask: ExportAsk, review: ReviewSummary | null): ExportContext {
  return {
    review: review ? reviewWords(review) : 'this review',
    query: '',
    filters: [],
    found: review?.recommendations ?? null,
    ids: null,
    state: null,
    states: ask.state ? [ask.state] : [],
    statementId: null,
    ...ask,
  };
}

/** The recommending States counted in a search's facets, in alphabetical order. */
export function statesOf(facets: SearchResult['facets'] | null | undefined): string[] {
  return Object.entries(facets?.state ?? {})
    .filter(([, count]) => count > 0)
    .map(([state]) => state)
    .sort((a, b) => a.localeCompare(b));
}

/** What is chosen in the dialog. */
export interface ExportChoice {
  template: ExportTemplate;
  format: ExportFormat;
  /** The selection (when there is one), or every recommendation found. */
  scope: 'selection' | 'all';
  /** The State template: one State (`state`), or every State, one per page. */
  states: 'one' | 'every';
  state: string;
}

/** "United States of America, 3rd cycle" (the session when the cycle is not known). */
export function reviewWords(
  review: Pick<ReviewSummary, 'state_under_review' | 'cycle' | 'wg_session'>,
): string {
  if (review.cycle !== null) return `${review.state_under_review}, ${ordinal(review.cycle)} cycle`;
  if (review.wg_session !== null) return `${review.state_under_review}, WG ${review.wg_session}`;
  return review.state_under_review;
}

/** There is a selection to export (rather than everything found). */
export function hasSelection(context: ExportContext): boolean {
  return context.ids !== null && context.ids.length > 0;
}

/** The request the choice makes; the recommendations' scope only for the templates of them. */
export function requestFor(context: ExportContext, choice: ExportChoice): ExportRequest {
  const ofRecommendations = usesRecommendations(choice.template);
  const selection = ofRecommendations && choice.scope === 'selection' && hasSelection(context);
  // The selection stands alone: the ids were found by the search, and stay exported even if an
  // edit since took one of them out of it.
  const searched = ofRecommendations && !selection;
  return {
    template: choice.template,
    format: choice.format,
    review_id: context.reviewId,
    query: searched ? context.query.trim() : '',
    filters: searched ? context.filters.map(([facet, value]): FacetFilter => [facet, value]) : [],
    ids: selection ? [...(context.ids ?? [])] : null,
    state: choice.template === 'state' && choice.states === 'one' ? choice.state || null : null,
    statement_id: choice.template === 'statement' ? context.statementId : null,
  };
}

/** The filters in words: "Noted, Women’s rights" (their number when there are many). */
function filterWords(filters: FacetFilter[]): string {
  if (filters.length > 3) return `${filters.length} filters`;
  return filters.map(([facet, value]) => valueLabel(facet, value)).join(', ');
}

/**
 * What is exported, in words: "All 347 recommendations of United States of America, 3rd cycle",
 * "The 12 recommendations found for “women”", "The 5 selected recommendations".
 */
export function scopeWords(context: ExportContext, choice: ExportChoice): string {
  switch (choice.template) {
    case 'statement':
      if (context.statementId === null) return `Every statement on ${context.review}`;
      return context.statementTitle
        ? `The statement “${context.statementTitle}”`
        : 'This statement';
    case 'calendar':
      return `The dates of ${context.review}, and your deadlines for it`;
    default:
      break;
  }
  if (choice.scope === 'selection' && hasSelection(context)) {
    const n = context.ids?.length ?? 0;
    return n === 1
      ? 'The selected recommendation'
      : `The ${countLabel(n, 'selected recommendation')}`;
  }
  const query = context.query.trim();
  const found = context.found;
  if (query === '' && context.filters.length === 0) {
    if (found === null) return `All the recommendations of ${context.review}`;
    if (found === 1) return `The one recommendation of ${context.review}`;
    return `All ${countLabel(found, 'recommendation')} of ${context.review}`;
  }
  const what =
    found === null
      ? 'The recommendations'
      : found === 1
        ? 'The recommendation'
        : `The ${countLabel(found, 'recommendation')}`;
  const how = [
    query !== '' ? `found for “${query}”` : '',
    context.filters.length > 0 ? `matching ${filterWords(context.filters)}` : '',
  ].filter(Boolean);
  return `${what} ${how.join(', ')}`;
}
