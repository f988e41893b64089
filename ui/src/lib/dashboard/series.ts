// From a search's facet counts to what the dashboard draws: one `Slice` per bar or doughnut
// segment, in the order shown, with the filters that open the list of exactly those
// recommendations. Pure: no Chart.js, no DOM, so every rule here is tested on its own.
import { countLabel } from '../format';
import {
  LOBBYING_LABELS,
  LOBBYING_STATUSES,
  POSITION_LABELS,
  POSITIONS,
  PRIORITIES,
  REGIONAL_GROUP_NAMES,
  REGIONAL_GROUPS,
} from '../ipc/labels';
import type { FacetFilter, LobbyingStatus, SearchRequest, SearchResult } from '../ipc/types';
import { ACCENT, LOBBYING_COLORS, OTHER_COLOR, POSITION_COLORS } from './colors';

export type ChartKind = 'position' | 'regional_group' | 'theme' | 'lobbying';

export interface Slice {
  chart: ChartKind;
  /** The facet value (`supported`, `GRULAC`, a theme's name, `in_progress`). */
  value: string;
  /** What a person reads on the axis and in the list. */
  label: string;
  /** The full name where `label` is short (regional groups), else the same as `label`. */
  title: string;
  count: number;
  color: string;
  /** Opens the list of these recommendations. */
  filters: FacetFilter[];
}

type Facets = SearchResult['facets'];

/** How many themes the theme chart shows. */
export const TOP_THEMES = 10;

/** The filters of "recommendations with a priority" (any of the three). */
const PRIORITY_FILTERS: FacetFilter[] = PRIORITIES.map((p) => ['priority', p]);

function slice(
  chart: ChartKind,
  value: string,
  label: string,
  count: number,
  color: string,
  filters: FacetFilter[],
  title = label,
): Slice {
  return { chart, value, label, title, count, color, filters };
}

/** Segments by the State's position; positions with no recommendation are left out. */
export function positionSlices(facets: Facets): Slice[] {
  const counts = facets.position ?? {};
  const known = POSITIONS.map((p) =>
    slice('position', p, POSITION_LABELS[p], counts[p] ?? 0, POSITION_COLORS[p], [['position', p]]),
  );
  // A position this version of the UI does not know is still counted, under its own name.
  const other = Object.keys(counts)
    .filter((value) => !(POSITIONS as string[]).includes(value))
    .sort()
    .map((value) =>
      slice('position', value, value, counts[value] ?? 0, OTHER_COLOR, [['position', value]]),
    );
  return [...known, ...other].filter((s) => s.count > 0);
}

/**
 * Bars by the regional group of the recommending States: always the five groups, in the order of
 * their codes (zeros included: "no Eastern European State recommended this" is worth seeing).
 */
/** "Eastern European States (EEG)"; "African States" (its code is already in its name). */
function regionalGroupTitle(code: string): string {
  const name = REGIONAL_GROUP_NAMES[code] ?? code;
  return name.startsWith(code) ? name : `${name} (${code})`;
}

export function regionalSlices(facets: Facets): Slice[] {
  const counts = facets.regional_group ?? {};
  return REGIONAL_GROUPS.map((code) =>
    slice(
      'regional_group',
      code,
      code,
      counts[code] ?? 0,
      ACCENT,
      [['regional_group', code]],
      regionalGroupTitle(code),
    ),
  );
}

export interface TopThemes {
  slices: Slice[];
  /** Themes that did not make the cut. */
  more: number;
}

/**
 * The `TOP_THEMES` most frequent themes, most frequent first. Ties are broken by name so that the
 * cut is the same every time; themes with no recommendation are left out.
 */
export function themeSlices(facets: Facets, top = TOP_THEMES): TopThemes {
  const entries = Object.entries(facets.theme ?? {})
    .filter(([, count]) => count > 0)
    .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b, 'en'));
  return {
    slices: entries
      .slice(0, top)
      .map(([name, count]) => slice('theme', name, name, count, ACCENT, [['theme', name]])),
    more: Math.max(0, entries.length - top),
  };
}

/**
 * Bars by lobbying status among the recommendations with a priority: every status, in the order
 * of the status menu, zeros included. `facets` are those of the search filtered by priority.
 */
export function lobbyingSlices(facets: Facets): Slice[] {
  const counts = facets.lobbying_status ?? {};
  return LOBBYING_STATUSES.map((status: LobbyingStatus) =>
    slice(
      'lobbying',
      status,
      LOBBYING_LABELS[status],
      counts[status] ?? 0,
      LOBBYING_COLORS[status],
      [...PRIORITY_FILTERS, ['lobbying_status', status]],
    ),
  );
}

export function sliceTotal(slices: Slice[]): number {
  return slices.reduce((sum, s) => sum + s.count, 0);
}

/** "<head>: 280 supported, 60 noted." — just "<head>." when every count is zero. */
function summary(head: string, slices: Slice[]): string {
  if (sliceTotal(slices) === 0) return `${head}.`;
  const parts = slices.map((s) => `${s.count.toLocaleString('en-US')} ${s.label.toLowerCase()}`);
  return `${head}: ${parts.join(', ')}.`;
}

/** "347 recommendations: 280 supported, 5 supported in part, 60 noted, 2 pending." */
export function positionSummary(total: number, slices: Slice[]): string {
  return summary(countLabel(total, 'recommendation'), slices);
}

/** "42 recommendations with a priority: 3 not started, 10 planned, …" */
export function lobbyingSummary(slices: Slice[]): string {
  return summary(`${countLabel(sliceTotal(slices), 'recommendation')} with a priority`, slices);
}

/** What a screen reader hears for a chart: "Position: Supported 280, Noted 60." */
export function describeChart(title: string, slices: Slice[]): string {
  if (slices.length === 0) return `${title}: nothing to show.`;
  const parts = slices.map((s) => `${s.title} ${s.count.toLocaleString('en-US')}`);
  return `${title}: ${parts.join(', ')}.`;
}

/** The search whose facets give the position, regional group and theme counts (no rows). */
export function overviewRequest(reviewId: number): SearchRequest {
  return {
    review_id: reviewId,
    query: '',
    filters: [],
    sort: 'paragraph',
    descending: false,
    facets: true,
    offset: 0,
    limit: 0,
  };
}

/** The same among the recommendations with a priority: its facets give lobbying progress. */
export function lobbyingRequest(reviewId: number): SearchRequest {
  return { ...overviewRequest(reviewId), filters: [...PRIORITY_FILTERS] };
}
