// The lobbying mode's shapes: States as keys, the "who to meet first" list filtered by name, a
// State's recommendations grouped by review (the words of its statuses are in ipc/labels.ts).
import { fold } from '../search/fold';
import type { Meeting, StateKey, StateRank, StateRecommendation } from '../ipc/types';

/** One string per State, for keys and comparisons: its ISO code, else its name as written. */
export function stateId(key: StateKey): string {
  return key.iso3 ? `iso:${key.iso3}` : `name:${key.name}`;
}

export function sameState(a: StateKey, b: StateKey): boolean {
  return stateId(a) === stateId(b);
}

/** A State of the list with its place in the whole ranking (kept when the list is filtered). */
export interface RankedState {
  rank: number;
  item: StateRank;
}

/** The States whose name (or ISO code) holds the words typed, accents and case aside. */
export function filterRanks(ranks: readonly StateRank[], query: string): RankedState[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const all = ranks.map((item, index) => ({ rank: index + 1, item }));
  if (words.length === 0) return all;
  return all.filter(({ item }) => {
    const name = fold(`${item.state.name} ${item.state.iso3 ?? ''}`);
    return words.every((word) => name.includes(word));
  });
}

function counts(parts: [number, string][], none: string): string {
  const shown = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  return shown.length === 0 ? none : shown.join(' · ');
}

/** "2 high · 1 medium", or "None" when the organization prioritised none of them. */
export function priorityCounts(rank: Pick<StateRank, 'high' | 'medium' | 'low'>): string {
  return counts(
    [
      [rank.high, 'high'],
      [rank.medium, 'medium'],
      [rank.low, 'low'],
    ],
    'None',
  );
}

/** Where the State under review stands on the prioritised ones: "2 pending · 1 noted". */
export function positionCounts(rank: Pick<StateRank, 'pending' | 'noted' | 'supported'>): string {
  return counts(
    [
      [rank.pending, 'pending'],
      [rank.noted, 'noted'],
      [rank.supported, 'supported'],
    ],
    '—',
  );
}

export interface ReviewGroup {
  reviewId: number;
  review: string;
  recommendations: StateRecommendation[];
}

/** Recommendations grouped by review, in the order they come (the newest review first). */
export function groupByReview(recommendations: readonly StateRecommendation[]): ReviewGroup[] {
  const groups = new Map<number, ReviewGroup>();
  for (const rec of recommendations) {
    let group = groups.get(rec.review_id);
    if (!group) {
      group = { reviewId: rec.review_id, review: rec.review, recommendations: [] };
      groups.set(rec.review_id, group);
    }
    group.recommendations.push(rec);
  }
  return [...groups.values()];
}

/** Meetings newest first (the latest logged first on the same day). */
export function newestFirst(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    return b.id - a.id;
  });
}
