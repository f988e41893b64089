// Data for the lobbying tests: States that recommended things to the United States in 2020
// (review 3, as test/fixtures.ts numbers it), with pages, contacts and meetings.
import type {
  Contact,
  Meeting,
  StateKey,
  StatePage,
  StateRank,
  StateRecommendation,
} from '../ipc/types';

export const FRANCE: StateKey = { iso3: 'FRA', name: 'France' };
export const COTE_DIVOIRE: StateKey = { iso3: 'CIV', name: 'Côte d’Ivoire' };
export const MEXICO: StateKey = { iso3: 'MEX', name: 'Mexico' };

export function rank(state: StateKey, changes: Partial<StateRank> = {}): StateRank {
  return {
    state,
    recommendations: 4,
    high: 2,
    medium: 1,
    low: 0,
    pending: 2,
    noted: 1,
    supported: 0,
    status: 'not_contacted',
    score: 10,
    why: `${state.name} made 2 of your high-priority recommendations; 2 are still pending.`,
    ...changes,
  };
}

export const RANKS: StateRank[] = [
  rank(MEXICO, { score: 12, why: 'Mexico made 3 of your high-priority recommendations.' }),
  rank(FRANCE, { score: 9, status: 'met', why: 'France made 2 high-priority ones, 1 noted.' }),
  rank(COTE_DIVOIRE, {
    score: 2,
    high: 0,
    medium: 0,
    low: 1,
    pending: 0,
    noted: 0,
    supported: 1,
    why: 'One low-priority recommendation, already supported.',
  }),
];

export function rec(changes: Partial<StateRecommendation> = {}): StateRecommendation {
  return {
    id: 12,
    review_id: 3,
    review: 'United States of America, WG 36',
    paragraph: '26.12',
    text: 'Abolish the death penalty at the federal level',
    position: 'noted',
    priority: 'high',
    our_ask: 'Announce a moratorium',
    lobbying_status: 'in_progress',
    ...changes,
  };
}

export function contact(changes: Partial<Contact> = {}): Contact {
  return {
    id: 5,
    state: FRANCE,
    name: 'Claire Martin',
    role: 'First Secretary, human rights',
    place: 'mission',
    email: 'claire.martin@example.org',
    phone: '+41 22 000 00 00',
    notes: '',
    ...changes,
  };
}

export function meeting(changes: Partial<Meeting> = {}): Meeting {
  return {
    id: 9,
    state: FRANCE,
    review_id: 3,
    date: '2021-02-01',
    who: 'Claire Martin',
    asked: 'Raise the death penalty at the adoption',
    outcome: 'Will consult the capital',
    follow_up: null,
    recommendations: [{ id: 12, review_id: 3, paragraph: '26.12' }],
    ...changes,
  };
}

export function page(changes: Partial<StatePage> = {}): StatePage {
  return {
    state: FRANCE,
    regional_group: 'WEOG',
    in_review: [
      rec(),
      rec({
        id: 40,
        paragraph: '26.40',
        text: 'Ratify the CEDAW',
        priority: null,
        position: 'pending',
      }),
    ],
    elsewhere: [
      rec({
        id: 900,
        review_id: 1,
        review: 'Cuba, WG 30',
        paragraph: '24.7',
        text: 'Free expression',
      }),
      rec({ id: 901, review_id: 1, review: 'Cuba, WG 30', paragraph: '24.9', text: 'Free press' }),
      rec({ id: 950, review_id: 2, review: 'Chad, WG 31', paragraph: '118.2', text: 'Torture' }),
    ],
    contacts: [],
    meetings: [],
    status: 'not_contacted',
    notes: '',
    ...changes,
  };
}
