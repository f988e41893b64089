// A fake of the Rust commands, for component tests and for `VITE_MOCK=1 npm run dev`.
// Never imported by production code (main.ts loads it only when import.meta.env.DEV is true).
import { mockIPC } from '@tauri-apps/api/mocks';
import { countLabel } from '../lib/format';
import { fieldLabel, historyValue, POSITIONS, REGIONAL_GROUPS } from '../lib/ipc/labels';
import type {
  AppEvent,
  AppInfo,
  BulkEdit,
  BulkOutcome,
  ChangeEntry,
  ChangeSummary,
  DeadlineStatus,
  DueReminder,
  EventDateEdit,
  EventKind,
  EvidenceLink,
  Facet,
  FacetFilter,
  HistoryEntry,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportSummary,
  IpcError,
  NewDeadline,
  NewSavedView,
  Position,
  Priority,
  RecommendationDetail,
  ReviewSummary,
  SavedView,
  SearchHit,
  SearchRequest,
  SearchResult,
  SearchTerm,
  StateRef,
  Tracking,
  TrackingEdit,
  UndoOutcome,
} from '../lib/ipc/types';
import { FACETS } from '../lib/search/facets';
import { fold, matchesTerm } from '../lib/search/fold';
import { ADVOCACY_COMMANDS, FakeAdvocacy } from './fakeAdvocacy';
import { FakeCalendar } from './fakeCalendar';
import { EXPORT_COMMANDS, FAKE_LOGO, FakeExport, type ExportRecommendation } from './fakeExport';

export interface FakeOptions {
  /** Recommendations in the sample review (default 347). */
  total?: number;
  /** Whether the sample review is already in the database at start (default true). */
  loaded?: boolean;
  /** Text of the recommendation at `index` (default: realistic sample sentences). */
  text?: (index: number) => string;
  /** Command name → value the command rejects with ('*' = every command). */
  failWith?: Record<string, unknown>;
  /** Simulated delay of every command, in ms (default 0). */
  latencyMs?: number;
  /** What the file dialog answers (default: null, as if cancelled). */
  pickFile?: string | null;
  /** The preview of an import request (default: the US 2020 CSV through the column mapping). */
  preview?: (request: ImportRequest) => Omit<ImportPreview, 'token'>;
  /** Recommendations in a second review, Côte d'Ivoire 2024 (default 0: no second review). */
  otherReview?: number;
  /** What take_missed_reminders answers once (default: nothing missed). */
  missedReminders?: DueReminder[];
  /** What the .ics save dialog answers (default: a path in Documents; null: cancelled). */
  icsPath?: string | null;
  /** The folder the export's save dialog answers (default: Documents; null: cancelled). */
  exportFolder?: string | null;
  /**
   * A few deadlines around today (one overdue, one with a reminder due, one done), and reminders
   * sent as they come due whenever the calendar is read; a few priorities, a statement being
   * drafted and some lobbying; default: on in `npm run dev`, off in tests.
   */
  calendarDemo?: boolean;
}

/** Something sent through a Tauri channel (the fake calls its handler directly). */
interface FakeChannel<T> {
  onmessage: (message: T) => void;
}

/** The default preview: 347 new recommendations read through a guessed column mapping. */
export function usPreview(request: ImportRequest): Omit<ImportPreview, 'token'> {
  const mapping = request.mapping ?? {
    columns: ['paragraph', 'states', 'position', 'themes', 'text'],
  };
  const hasText = mapping.columns.includes('text');
  const summary: ImportSummary = {
    reviews_created: 1,
    reviews: [
      {
        // The fake has one review: the import creates it.
        id: SAMPLE_REVIEW.id,
        state_under_review: 'United States of America',
        session: 36,
        recommendations: 347,
        created: true,
      },
    ],
    recommendations_created: 347,
    recommendations_updated: 0,
    unchanged: 0,
    positions_found: 347,
    skipped: 0,
    problems: [],
    committed: false,
    backup: null,
  };
  return {
    file: 'recommendations.csv',
    format: request.format ?? 'csv',
    rows: 347,
    skipped: 0,
    source: {
      encoding: request.encoding ?? 'UTF-8',
      header: ['paragraph', 'recommending_states', 'position', 'theme', 'text'],
      mapping,
      mapping_source: request.mapping ? 'chosen' : 'guessed',
    },
    reviews_read: [],
    needs_review:
      request.review || request.review_id
        ? null
        : 'The file has no column for the State under review or the session. Choose the review these recommendations belong to, or enter the State and session.',
    blocked: hasText
      ? null
      : 'Docket could not recognise recommendations.csv: no column holds the text. Choose the format, or map its columns.',
    unknown_states: [{ name: 'ACT Group', occurrences: 1, suggestions: [] }],
    summary: (request.review || request.review_id) && hasText ? summary : null,
    problems: [
      { file: 'recommendations.csv', line: 349, column: 1, message: 'This row has no text.' },
    ],
  };
}

export interface FakeCall {
  command: string;
  args: Record<string, unknown>;
}

/** Recommending States: [name, iso3 (null: not a known State), regional group code]. */
const STATES: [string, string | null, string | null][] = [
  ['Algeria', 'DZA', 'African'],
  ['Cabo Verde', 'CPV', 'African'],
  ['Paraguay', 'PRY', 'GRULAC'],
  ['Bolivarian Republic of Venezuela', 'VEN', 'GRULAC'],
  ['France', 'FRA', 'WEOG'],
  ['Republic of Korea', 'KOR', 'Asia-Pacific'],
  ['Czechia', 'CZE', 'EEG'],
  ['Mexico', 'MEX', 'GRULAC'],
  ['Sierra Leone', 'SLE', 'African'],
  // Index 9: recommendation 26.10 is recommended by it (a test relies on it).
  ['ACT Group', null, null],
  ['Türkiye', 'TUR', 'WEOG'],
  ['Côte d’Ivoire', 'CIV', 'African'],
  ['Brazil', 'BRA', 'GRULAC'],
  ['Germany', 'DEU', 'WEOG'],
  ['Japan', 'JPN', 'Asia-Pacific'],
  ['Poland', 'POL', 'EEG'],
  ['Senegal', 'SEN', 'African'],
  ['Chile', 'CHL', 'GRULAC'],
  ['Norway', 'NOR', 'WEOG'],
  ['Indonesia', 'IDN', 'Asia-Pacific'],
  ['Ukraine', 'UKR', 'EEG'],
  ['Namibia', 'NAM', 'African'],
  ['Uruguay', 'URY', 'GRULAC'],
  ['Iceland', 'ISL', 'WEOG'],
  ['Fiji', 'FJI', 'Asia-Pacific'],
  ['Slovenia', 'SVN', 'EEG'],
  ['Botswana', 'BWA', 'African'],
  ['Costa Rica', 'CRI', 'GRULAC'],
  ['New Zealand', 'NZL', 'WEOG'],
  ['Timor-Leste', 'TLS', 'Asia-Pacific'],
];

/** Texts, with the themes, groups of persons and SDGs that go with each. */
const TEXTS: { text: string; themes: string[]; groups: string[]; sdgs: string[] }[] = [
  {
    text: 'Ratify the International Covenant on Economic, Social and Cultural Rights',
    themes: ['Ratification of international instruments', 'Economic, social and cultural rights'],
    groups: [],
    sdgs: ['16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
  },
  {
    text: 'Abolish the death penalty at the federal level and establish a moratorium on executions with a view to its complete abolition',
    themes: ['Death penalty', 'Right to life'],
    groups: [],
    sdgs: ['16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
  },
  {
    text: 'Take measures to eliminate racial discrimination in law enforcement, including by ensuring that all allegations of excessive use of force by police officers are promptly, impartially and effectively investigated',
    themes: ['Racial discrimination', 'Police and law enforcement'],
    groups: ['Minorities', 'People of African descent'],
    sdgs: ['10 - REDUCED INEQUALITIES', '16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
  },
  {
    text: 'Ratify the Convention on the Elimination of All Forms of Discrimination against Women',
    themes: ['Ratification of international instruments', 'Women’s rights'],
    groups: ['Women'],
    sdgs: ['5 - GENDER EQUALITY'],
  },
  {
    text: 'Guarantee the rights of migrants, including children, and end the practice of family separation at the border',
    themes: ['Migrants', 'Rights of the child'],
    groups: ['Migrants', 'Children'],
    sdgs: ['10 - REDUCED INEQUALITIES'],
  },
  {
    text: 'Strengthen measures to combat gun violence',
    themes: ['Right to life'],
    groups: [],
    sdgs: ['3 - GOOD HEALTH AND WELL-BEING', '16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
  },
  {
    text: 'Respect the rights of indigenous peoples, including the Diné and Lakota nations, to be consulted on projects affecting their lands',
    themes: ['Indigenous peoples', 'Land and property rights'],
    groups: ['Indigenous peoples'],
    sdgs: ['15 - LIFE ON LAND'],
  },
  {
    text: 'End solitary confinement of juveniles and ensure that conditions of detention meet international standards',
    themes: ['Detention conditions', 'Torture and other cruel treatment', 'Rights of the child'],
    groups: ['Children', 'Persons deprived of liberty'],
    sdgs: ['16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
  },
  {
    text: 'Guarantee access to affordable health care for all, including sexual and reproductive health services',
    themes: ['Right to health', 'Women’s rights'],
    groups: ['Women'],
    sdgs: ['3 - GOOD HEALTH AND WELL-BEING', '5 - GENDER EQUALITY'],
  },
  {
    text: 'Protect human rights defenders and journalists from harassment, and guarantee freedom of expression and of peaceful assembly',
    themes: ['Human rights defenders', 'Freedom of expression'],
    groups: ['Human rights defenders', 'Journalists'],
    sdgs: ['16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'],
  },
];

/** The second review's texts (French-speaking State: accents in names and words). */
const OTHER_TEXTS = [
  'Poursuivre les efforts pour garantir l’accès à l’éducation des filles dans toutes les régions',
  'Continue efforts to combat female genital mutilation, including through awareness campaigns with the Conseil national des droits de l’homme',
  'Strengthen the independence of the judiciary and ensure fair trials for persons detained after the 2020 elections',
  'Adopt a law on the protection of human rights defenders and ensure its implementation',
];

const PRIORITY_ORDER: (Priority | 'none')[] = ['high', 'medium', 'low', 'none'];

/**
 * The position of the recommendation at `index`: a permutation of every block of 347 (347 is
 * prime), so that 67 in each 347 are noted, as in the real sample, spread through the list.
 */
function positionAt(index: number): Position {
  const k = (index * 211) % 347;
  if (k < 67) return 'noted';
  if (k < 84) return 'supported_in_part';
  if (k < 86) return 'pending';
  return 'supported';
}

interface FakeReview {
  summary: Omit<ReviewSummary, 'recommendations'>;
  /** Paragraph numbers are `${prefix}.${n}`. */
  prefix: string;
}

const SAMPLE_REVIEW: Omit<ReviewSummary, 'recommendations'> = {
  id: 1,
  state_under_review: 'United States of America',
  sur_iso3: 'USA',
  cycle: 3,
  wg_session: 36,
  review_date: '2020-11-09',
  report_symbol: 'A/HRC/46/15',
  addendum_symbol: 'A/HRC/46/15/Add.1',
  adoption_date: '2021-03-17',
};

const OTHER_REVIEW: Omit<ReviewSummary, 'recommendations'> = {
  id: 2,
  state_under_review: 'Côte d’Ivoire',
  sur_iso3: 'CIV',
  cycle: 4,
  wg_session: 47,
  review_date: '2024-11-05',
  report_symbol: 'A/HRC/58/8',
  addendum_symbol: null,
  adoption_date: null,
};

function emptyTracking(): Tracking {
  return {
    priority: null,
    our_ask: '',
    lobbying_status: 'not_started',
    implementation_status: 'not_assessed',
    assignee: '',
    tags: [],
    notes: '',
    evidence: [],
  };
}

function ipcError(kind: IpcError['kind'], message: string): IpcError {
  return { kind, message };
}

/** One recommendation as the fake store keeps it. */
interface Rec {
  id: number;
  review: FakeReview;
  paragraph: string;
  /** The paragraph's numbers, for sorting 26.2 before 26.10. */
  order: number[];
  text: string;
  states: StateRef[];
  themes: string[];
  groups: string[];
  sdgs: string[];
  actionCategory: number | null;
  position: Position;
  tracking: Tracking;
  history: HistoryEntry[];
  updatedAt: string | null;
  /** Folded words of each indexed column (text, States, labels, our ask, notes); null = stale. */
  words: string[][] | null;
}

/** A change on the Undo stack, with what restores the values it replaced. */
interface FakeChange {
  summary: ChangeSummary;
  entries: ChangeEntry[];
  reviews: Set<number>;
  /** Puts back every value the change replaced. */
  restore: (() => void)[];
}

// -- Changes in words ---------------------------------------------------------------------------

/** As crates/docket-core/src/store/history.rs `count_target`: "1 recommendation", "67 recommendations". */
function countTarget(n: number): string {
  return countLabel(n, 'recommendation');
}

/**
 * As crates/docket-core/src/store/history.rs `describe`: one field's change on `target` ("26.1",
 * "67 recommendations"), e.g. "Priority set to High on 67 recommendations".
 */
export function describeChange(
  field: string,
  old: string | null,
  now: string | null,
  target: string,
): string {
  const set = now === null || now === '' ? null : now;
  let what: string;
  let preposition = 'on';
  switch (field) {
    case 'priority':
    case 'lobbying_status':
    case 'implementation_status': {
      const label = fieldLabel(field);
      what = set === null ? `${label} cleared` : `${label} set to ${historyValue(field, set)}`;
      break;
    }
    case 'assignee':
      what = set === null ? 'Assignee cleared' : `Assignee set to ${set}`;
      break;
    case 'our_ask':
    case 'notes':
      what = set === null ? `${fieldLabel(field)} cleared` : `${fieldLabel(field)} changed`;
      break;
    case 'tag':
      if (now !== null) {
        what = `Tag “${now}” added`;
        preposition = 'to';
      } else {
        what = `Tag “${old ?? ''}” removed`;
        preposition = 'from';
      }
      break;
    case 'evidence':
      what = now !== null ? 'Evidence added' : 'Evidence removed';
      preposition = now !== null ? 'to' : 'from';
      break;
    default:
      what = `${fieldLabel(field)} changed`;
  }
  return `${what} ${preposition} ${target}`;
}

// -- Search -------------------------------------------------------------------------------------

/** A group of words typed: one word, a "phrase", or a prefix* (its last word is a prefix). */
interface QueryGroup {
  words: string[];
  prefix: boolean;
}

/** As crates/docket-core/src/store/fts.rs `to_match_query`: words, "phrases", prefix*. */
export function parseQuery(input: string): QueryGroup[] {
  const groups: QueryGroup[] = [];
  let rest = input;
  for (;;) {
    const start = rest.search(/\S/u);
    if (start === -1) break;
    rest = rest.slice(start);
    let raw: string;
    let phrase: boolean;
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      raw = end === -1 ? rest.slice(1) : rest.slice(1, end);
      rest = end === -1 ? '' : rest.slice(end + 1);
      phrase = true;
    } else {
      const end = rest.search(/\s/u);
      raw = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end);
      phrase = false;
    }
    const prefix = !phrase && raw.endsWith('*');
    const words = raw
      .replace(/[^\p{L}\p{N}]/gu, ' ')
      .split(/\s+/u)
      .filter(Boolean)
      .map(fold);
    if (words.length > 0) groups.push({ words, prefix });
  }
  return groups;
}

function termsOf(groups: QueryGroup[]): SearchTerm[] {
  return groups.flatMap((group) =>
    group.words.map((word, i) => ({ word, prefix: group.prefix && i === group.words.length - 1 })),
  );
}

/** The words of a column as the index cuts and folds them. */
function indexWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function groupMatches(words: string[], group: QueryGroup): boolean {
  const n = group.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    let all = true;
    for (let j = 0; j < n; j++) {
      const word = words[i + j] ?? '';
      const wanted = group.words[j] ?? '';
      const ok = group.prefix && j === n - 1 ? word.startsWith(wanted) : word === wanted;
      if (!ok) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

/** As crates/docket-core/src/store/search `snippet`: 32 words around the first match. */
export function snippet(
  text: string,
  terms: SearchTerm[],
): { snippet: string; matches: [number, number][] } {
  const BEFORE = 8;
  const LENGTH = 32;
  const words = text.split(/\s+/u).filter(Boolean);
  // A word of the text without the punctuation around it ("(Diné)," is "Diné").
  const matches = (word: string) => matchesTerm(word.replace(/[^\p{L}\p{M}\p{N}]/gu, ''), terms);
  const first = Math.max(0, words.findIndex(matches));
  const start = Math.max(0, first - BEFORE);
  const end = Math.min(words.length, start + LENGTH);
  let out = start > 0 ? '… ' : '';
  const ranges: [number, number][] = [];
  words.slice(start, end).forEach((word, i) => {
    if (i > 0) out += ' ';
    if (matches(word)) ranges.push([bytes(out), bytes(out) + bytes(word)]);
    out += word;
  });
  if (end < words.length) out += ' …';
  return { snippet: out, matches: ranges };
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The values a recommendation has for a facet (several for themes, States, tags…). */
function facetValues(rec: Rec, facet: Facet): string[] {
  const t = rec.tracking;
  switch (facet) {
    case 'position':
      return [rec.position];
    case 'theme':
      return rec.themes;
    case 'group_of_persons':
      return rec.groups;
    case 'sdg':
      return rec.sdgs;
    case 'state':
      return [...new Set(rec.states.map((s) => s.name))];
    case 'regional_group':
      return [...new Set(rec.states.flatMap((s) => (s.regional_group ? [s.regional_group] : [])))];
    case 'action_category':
      return rec.actionCategory === null ? [] : [String(rec.actionCategory)];
    case 'priority':
      return [t.priority ?? 'none'];
    case 'lobbying_status':
      return [t.lobbying_status];
    case 'implementation_status':
      return [t.implementation_status];
    case 'assignee':
      return t.assignee === '' ? [] : [t.assignee];
    case 'tag':
      return t.tags;
    case 'cycle':
      return rec.review.summary.cycle === null ? [] : [String(rec.review.summary.cycle)];
  }
}

function checkFilter([facet, value]: FacetFilter): void {
  if (!FACETS.includes(facet)) {
    throw ipcError('invalid_input', `Docket cannot filter by “${String(facet)}”.`);
  }
  if ((facet === 'action_category' || facet === 'cycle') && !/^\s*\d+\s*$/.test(value)) {
    throw ipcError('invalid_input', `${facet} must be a number, not "${value}".`);
  }
  if (facet === 'regional_group' && !REGIONAL_GROUPS.includes(value)) {
    throw ipcError(
      'invalid_input',
      `"${value}" is not a regional group: use African, Asia-Pacific, EEG, GRULAC or WEOG.`,
    );
  }
}

// -- The fake -----------------------------------------------------------------------------------

export class FakeBackend {
  readonly calls: FakeCall[] = [];
  loaded: boolean;
  failWith: Record<string, unknown>;
  userName = 'Ana';
  readonly #latencyMs: number;
  readonly #reviews: FakeReview[];
  /** Every recommendation, by id - 1. */
  readonly #recs: Rec[] = [];
  readonly #changes: FakeChange[] = [];
  readonly #views: SavedView[] = [];
  #nextId = 1;
  #lastTime = 0;
  /** Bumped by every write: cached search orders are then stale. */
  #version = 0;
  #orderCache: { key: string; version: number; ids: number[] } | null = null;
  readonly #wordCache = new Map<string, string[]>();
  pickFile: string | null;
  readonly #preview: (request: ImportRequest) => Omit<ImportPreview, 'token'>;
  #pending: { token: number; preview: Omit<ImportPreview, 'token'> } | null = null;
  #cancelled = false;
  /** The UI's channel for menu choices and dropped files, once it subscribed. */
  events: FakeChannel<AppEvent> | null = null;
  /** Computed dates, deadlines, reminders and the Council's sessions. */
  readonly calendar: FakeCalendar;
  icsPath: string | null;
  readonly #calendarDemo: boolean;
  /** Statements, speakers' rates, sessions' time limits, and the lobbying of States. */
  readonly advocacy: FakeAdvocacy;
  /** Exported documents, and the organization named at their top. */
  readonly exports: FakeExport;

  constructor(options: FakeOptions = {}) {
    this.loaded = options.loaded ?? true;
    this.failWith = options.failWith ?? {};
    this.#latencyMs = options.latencyMs ?? 0;
    this.pickFile = options.pickFile ?? null;
    this.#preview = options.preview ?? usPreview;
    const text = options.text ?? ((index: number) => TEXTS[index % TEXTS.length]!.text);
    const sample: FakeReview = { summary: SAMPLE_REVIEW, prefix: '26' };
    this.#reviews = [sample];
    const total = options.total ?? 347;
    for (let i = 0; i < total; i++) this.#recs.push(this.#make(sample, i, text(i)));
    const other = options.otherReview ?? 0;
    if (other > 0) {
      const review: FakeReview = { summary: OTHER_REVIEW, prefix: '140' };
      this.#reviews.push(review);
      for (let i = 0; i < other; i++) {
        this.#recs.push(this.#make(review, i, OTHER_TEXTS[i % OTHER_TEXTS.length]!));
      }
    }
    this.icsPath =
      options.icsPath === undefined ? '/home/ana/Documents/Docket calendar.ics' : options.icsPath;
    this.calendar = new FakeCalendar({
      reviews: () => (this.loaded ? this.#reviews.map((r) => r.summary) : []),
      recommendation: (id) => {
        const rec = this.#rec(id);
        return { id: rec.id, review_id: rec.review.summary.id, paragraph: rec.paragraph };
      },
      now: () => Date.now(),
      missed: options.missedReminders,
    });
    this.advocacy = new FakeAdvocacy({
      reviews: () => (this.loaded ? this.#reviews.map((r) => r.summary) : []),
      recommendations: () =>
        this.loaded
          ? this.#recs.map((rec) => ({
              id: rec.id,
              review_id: rec.review.summary.id,
              paragraph: rec.paragraph,
              text: rec.text,
              states: rec.states,
              position: rec.position,
              priority: rec.tracking.priority,
              our_ask: rec.tracking.our_ask,
              lobbying_status: rec.tracking.lobbying_status,
            }))
          : [],
      calendar: this.calendar,
      userName: () => this.userName,
      now: () => Date.now(),
    });
    this.exports = new FakeExport({
      reviews: () => (this.loaded ? this.#reviews.map((r) => this.#summary(r)) : []),
      found: (reviewId, query, filters) =>
        this.#order({
          review_id: reviewId,
          query,
          filters,
          sort: 'paragraph',
          descending: false,
          facets: false,
          offset: 0,
          limit: 0,
        }).hits.map((rec): ExportRecommendation => ({
          id: rec.id,
          review_id: rec.review.summary.id,
          paragraph: rec.paragraph,
          text: rec.text,
          position: rec.position,
          states: rec.states.map((state) => state.name),
          themes: rec.themes,
        })),
      statements: (reviewId) => this.advocacy.statements(reviewId),
      statement: (id) => this.advocacy.statement(id),
      events: (reviewId) => this.calendar.calendar(reviewId).length,
      folder: options.exportFolder,
      latencyMs: this.#latencyMs,
    });
    this.#calendarDemo = options.calendarDemo ?? import.meta.env.MODE !== 'test';
    if (this.#calendarDemo && this.loaded) {
      this.calendar.seedDemo();
      // Some of the organization's priorities, so that "who to meet first" has an order.
      for (const rec of this.#recs) {
        if (rec.id % 9 === 0) rec.tracking.priority = 'high';
        else if (rec.id % 13 === 0) rec.tracking.priority = 'medium';
        else if (rec.id % 17 === 0) rec.tracking.priority = 'low';
      }
      this.advocacy.seedDemo();
      this.exports.organization = { name: 'Rights Watch Coalition', logo: FAKE_LOGO };
    }
  }

  /** Sends a menu choice or a dropped file to the UI, as the window does. */
  emit(event: AppEvent): void {
    this.events?.onmessage(event);
  }

  /** Calls made so far to `command`. */
  callsTo(command: string): FakeCall[] {
    return this.calls.filter((call) => call.command === command);
  }

  /** The tracking of recommendation `id`, as stored (for tests). */
  tracking(id: number): Tracking {
    return structuredClone(this.#rec(id).tracking);
  }

  handle = async (command: string, rawArgs: unknown): Promise<unknown> => {
    const args = (rawArgs ?? {}) as Record<string, unknown>;
    this.calls.push({ command, args });
    if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
    const failure = this.failWith[command] ?? this.failWith['*'];
    if (failure !== undefined) throw failure;
    switch (command) {
      case 'app_info':
        return {
          version: '0.1.0',
          data_dir: '/home/ana/.local/share/org.docket.app',
          db_path: '/home/ana/.local/share/org.docket.app/docket.sqlite3',
          user_name: this.userName,
        } satisfies AppInfo;
      case 'list_reviews':
        return this.loaded ? this.#reviews.map((r) => this.#summary(r)) : [];
      case 'open_sample':
        this.loaded = true;
        return SAMPLE_REVIEW.id;
      case 'get_recommendation':
        return this.#detail(this.#rec(Number(args['id'])));
      case 'edit_tracking':
        return this.#editOne(Number(args['id']), args['edit'] as TrackingEdit);
      case 'search':
        return this.#search(args['request'] as SearchRequest);
      case 'search_ids':
        return this.#order(args['request'] as SearchRequest).hits.map((rec) => rec.id);
      case 'bulk_edit':
        return this.#bulkEdit(args['ids'] as number[], args['edit'] as BulkEdit);
      case 'last_change':
        return this.#lastChange();
      case 'undo_last':
        return this.#undoLast();
      case 'review_history':
        return this.#reviewHistory(args);
      case 'list_views':
        return structuredClone([...this.#views].sort((a, b) => a.name.localeCompare(b.name)));
      case 'save_view':
        return this.#saveView(args['view'] as NewSavedView);
      case 'delete_view': {
        const at = this.#views.findIndex((v) => v.id === args['id']);
        if (at === -1) throw ipcError('not_found', 'This view is no longer in Docket.');
        this.#views.splice(at, 1);
        return null;
      }
      case 'set_user_name':
        return this.#setUserName(String(args['name'] ?? ''));
      case 'choose_import_file':
        return this.pickFile;
      case 'subscribe_app_events':
        this.events = args['channel'] as FakeChannel<AppEvent>;
        return null;
      case 'cancel_import':
        this.#cancelled = true;
        return null;
      case 'preview_import':
        return this.#previewImport(args);
      case 'commit_import':
        return this.#commitImport(args);
      case 'calendar':
        return this.#calendar(args);
      case 'overdue_count':
        return this.calendar.calendar(null).filter((e) => e.overdue).length;
      case 'set_event_date':
        this.calendar.setEventDate(args['edit'] as EventDateEdit);
        return null;
      case 'reset_event_date':
        this.calendar.resetEventDate(Number(args['reviewId']), args['kind'] as EventKind);
        return null;
      case 'save_deadline':
        return this.calendar.saveDeadline(
          (args['id'] as number | null | undefined) ?? null,
          args['deadline'] as NewDeadline,
        );
      case 'set_deadline_status':
        return this.calendar.setDeadlineStatus(
          Number(args['id']),
          args['status'] as DeadlineStatus,
        );
      case 'delete_deadline':
        this.calendar.deleteDeadline(Number(args['id']));
        return null;
      case 'recommendation_deadlines':
        return this.calendar.recommendationDeadlines(Number(args['recommendationId']));
      case 'snooze_reminder':
        this.calendar.snooze(Number(args['id']), Number(args['minutes']));
        return null;
      case 'take_missed_reminders':
        return this.calendar.takeMissed();
      case 'hrc_sessions':
        return this.calendar.hrcSessions();
      case 'set_hrc_session':
        return this.calendar.setHrcSession(
          Number(args['number']),
          String(args['opens'] ?? ''),
          String(args['closes'] ?? ''),
        );
      case 'reset_hrc_session':
        return this.calendar.resetHrcSession(Number(args['number']));
      case 'export_ics':
        // Checks the review as the export would; the save dialog may be cancelled.
        this.calendar.calendar((args['reviewId'] as number | null | undefined) ?? null);
        return this.icsPath;
      default:
        if (ADVOCACY_COMMANDS.has(command)) return this.advocacy.handle(command, args);
        if (EXPORT_COMMANDS.has(command)) return this.exports.handle(command, args);
        throw `command ${command} not found`;
    }
  };

  /** Reminders that came due since the app last looked, as the app's timer would send them. */
  sendDueReminders(): DueReminder[] {
    const due = this.calendar.fireDue();
    if (due.length > 0) this.emit({ kind: 'reminders', due });
    return due;
  }

  #calendar(args: Record<string, unknown>): unknown {
    const events = this.calendar.calendar((args['reviewId'] as number | null | undefined) ?? null);
    // In the demo, reminders arrive as the real app's timer would send them.
    if (this.#calendarDemo) setTimeout(() => this.sendDueReminders(), 0);
    return events;
  }

  // -- Data ---------------------------------------------------------------------------------------

  #make(review: FakeReview, index: number, text: string): Rec {
    const count = 1 + (index % 3);
    // Spread so that States do not follow the texts (which cycle every 10); 26.10 (index 9)
    // is recommended by "ACT Group" first.
    const states = Array.from({ length: count }, (_, k): StateRef => {
      const at = (index * 11 + k * 7 + Math.floor(index / 10) * 3) % STATES.length;
      const [name, iso3, group] = STATES[at]!;
      return { name, iso3, regional_group: group };
    });
    const base = TEXTS[index % TEXTS.length]!;
    return {
      id: this.#recs.length + 1,
      review,
      paragraph: `${review.prefix}.${index + 1}`,
      order: [Number(review.prefix), index + 1],
      text,
      states,
      themes: base.themes,
      groups: base.groups,
      sdgs: base.sdgs,
      actionCategory: index % 4 === 0 ? 5 : index % 7 === 0 ? null : 1 + (index % 4),
      position: positionAt(index),
      tracking: emptyTracking(),
      history: [],
      updatedAt: null,
      words: null,
    };
  }

  #summary(review: FakeReview): ReviewSummary {
    const recommendations = this.#recs.filter((r) => r.review === review).length;
    return { ...review.summary, recommendations };
  }

  #rec(id: number): Rec {
    const rec = Number.isInteger(id) ? this.#recs[id - 1] : undefined;
    if (!rec || !this.loaded) {
      throw ipcError('not_found', 'This recommendation is no longer in Docket.');
    }
    return rec;
  }

  #detail(rec: Rec): RecommendationDetail {
    return structuredClone({
      id: rec.id,
      review_id: rec.review.summary.id,
      paragraph: rec.paragraph,
      text: rec.text,
      position: rec.position,
      position_source: 'A/HRC/46/15/Add.1 - Para.3',
      recommending_states: rec.states,
      themes: rec.themes,
      groups_of_persons: rec.groups,
      sdgs: rec.sdgs,
      action_category: rec.actionCategory,
      tracking: rec.tracking,
      history: rec.history,
    });
  }

  /** The next instant, strictly after the previous one (changes sort by time). */
  #now(): string {
    this.#lastTime = Math.max(Date.now(), this.#lastTime + 1);
    return new Date(this.#lastTime).toISOString();
  }

  // -- Search -------------------------------------------------------------------------------------

  #cachedWords(text: string): string[] {
    let words = this.#wordCache.get(text);
    if (!words) {
      words = indexWords(text);
      this.#wordCache.set(text, words);
    }
    return words;
  }

  #words(rec: Rec): string[][] {
    rec.words ??= [
      this.#cachedWords(rec.text),
      this.#cachedWords(rec.states.map((s) => s.name).join(' ')),
      this.#cachedWords([...rec.themes, ...rec.groups, ...rec.sdgs].join(' ')),
      indexWords(rec.tracking.our_ask),
      indexWords(rec.tracking.notes),
    ];
    return rec.words;
  }

  /**
   * The recommendations matching the words and the filters, in the request's order, and the
   * facets' counts: a facet's values are counted among those matching every *other* facet.
   */
  #order(
    request: SearchRequest,
    withFacets = false,
  ): { hits: Rec[]; facets: SearchResult['facets'] } {
    if (!this.loaded) return { hits: [], facets: {} };
    if (
      request.review_id !== null &&
      !this.#reviews.some((r) => r.summary.id === request.review_id)
    ) {
      throw ipcError('not_found', 'This review is no longer in Docket. Choose another review.');
    }
    request.filters.forEach(checkFilter);
    const key = JSON.stringify([
      request.review_id,
      request.query,
      request.filters,
      request.sort,
      request.descending,
    ]);
    const cached = this.#orderCache;
    if (!withFacets && cached && cached.key === key && cached.version === this.#version) {
      return { hits: cached.ids.map((id) => this.#recs[id - 1]!), facets: {} };
    }

    const groups = parseQuery(request.query);
    const chosen = new Map<Facet, Set<string>>();
    for (const [facet, value] of request.filters) {
      const values = chosen.get(facet) ?? new Set<string>();
      values.add(value.trim());
      chosen.set(facet, values);
    }
    const counts = new Map<Facet, Map<string, number>>(FACETS.map((f) => [f, new Map()]));
    const count = (rec: Rec, facet: Facet) => {
      const into = counts.get(facet)!;
      for (const value of facetValues(rec, facet)) into.set(value, (into.get(value) ?? 0) + 1);
    };
    const hits: Rec[] = [];
    for (const rec of this.#recs) {
      if (request.review_id !== null && rec.review.summary.id !== request.review_id) continue;
      if (groups.length > 0) {
        const columns = this.#words(rec);
        if (!groups.every((g) => columns.some((words) => groupMatches(words, g)))) continue;
      }
      let failed: Facet | null = null;
      let failures = 0;
      for (const [facet, values] of chosen) {
        if (!facetValues(rec, facet).some((v) => values.has(v))) {
          failures += 1;
          failed = facet;
          if (failures > 1) break;
        }
      }
      if (failures === 0) {
        hits.push(rec);
        if (withFacets) for (const facet of FACETS) count(rec, facet);
      } else if (failures === 1 && withFacets && failed !== null) {
        count(rec, failed);
      }
    }
    hits.sort(this.#comparator(request));
    this.#orderCache = { key, version: this.#version, ids: hits.map((r) => r.id) };
    const facets: SearchResult['facets'] = {};
    if (withFacets) {
      for (const [facet, values] of counts) facets[facet] = Object.fromEntries(values);
    }
    return { hits, facets };
  }

  #comparator(request: SearchRequest): (a: Rec, b: Rec) => number {
    const byParagraph = (a: Rec, b: Rec) =>
      a.review.summary.id - b.review.summary.id || compareOrder(a.order, b.order) || a.id - b.id;
    const rank = <T>(order: T[], value: T) => order.indexOf(value);
    let primary: (a: Rec, b: Rec) => number;
    switch (request.sort) {
      case 'state':
        primary = (a, b) => (a.states[0]?.name ?? '').localeCompare(b.states[0]?.name ?? '');
        break;
      case 'position':
        primary = (a, b) => rank(POSITIONS, a.position) - rank(POSITIONS, b.position);
        break;
      case 'priority':
        primary = (a, b) =>
          rank(PRIORITY_ORDER, a.tracking.priority ?? 'none') -
          rank(PRIORITY_ORDER, b.tracking.priority ?? 'none');
        break;
      case 'changed':
        // Last changed first, never changed last.
        primary = (a, b) => {
          if (a.updatedAt === b.updatedAt) return 0;
          if (a.updatedAt === null) return 1;
          if (b.updatedAt === null) return -1;
          return a.updatedAt < b.updatedAt ? 1 : -1;
        };
        break;
      default:
        primary = () => 0;
    }
    const sign = request.descending ? -1 : 1;
    return (a, b) => sign * (primary(a, b) || byParagraph(a, b));
  }

  #search(request: SearchRequest): SearchResult {
    if (!(request.limit >= 0 && request.limit <= 500) || !(request.offset >= 0)) {
      throw ipcError('invalid_input', 'Docket asked for too many recommendations at once.');
    }
    const { hits, facets } = this.#order(request, request.facets);
    const terms = termsOf(parseQuery(request.query));
    return {
      total: hits.length,
      hits: hits.slice(request.offset, request.offset + request.limit).map((rec): SearchHit => {
        const cut = snippet(rec.text, terms);
        return {
          id: rec.id,
          review: rec.review.summary.id,
          paragraph: rec.paragraph,
          snippet: cut.snippet,
          matches: cut.matches,
          position: rec.position,
          states: rec.states.map((s) => s.name),
          priority: rec.tracking.priority,
          lobbying_status: rec.tracking.lobbying_status,
          updated_at: rec.updatedAt,
        };
      }),
      facets: request.facets ? facets : {},
      terms,
    };
  }

  // -- Edits, changes and Undo ---------------------------------------------------------------------

  /**
   * Applies one edit to one recommendation; returns the history row's field, old and new values
   * and what puts the old value back, or null when it changed nothing.
   */
  #apply(
    rec: Rec,
    edit: TrackingEdit,
  ): { field: string; old: string | null; now: string | null; restore: () => void } | null {
    const t = rec.tracking;
    const snapshot = <K extends keyof Tracking>(key: K) => {
      const before = structuredClone(t[key]);
      return () => {
        t[key] = structuredClone(before);
        rec.words = null;
      };
    };
    switch (edit.field) {
      case 'priority': {
        if (t.priority === edit.value) return null;
        const restore = snapshot('priority');
        const old = t.priority;
        t.priority = edit.value;
        return { field: 'priority', old, now: edit.value, restore };
      }
      case 'our_ask':
      case 'assignee':
      case 'notes': {
        const value = edit.field === 'assignee' ? edit.value.trim() : edit.value;
        if (t[edit.field] === value) return null;
        const restore = snapshot(edit.field);
        const old = t[edit.field];
        t[edit.field] = value;
        rec.words = null;
        return { field: edit.field, old, now: value, restore };
      }
      case 'lobbying_status': {
        if (t.lobbying_status === edit.value) return null;
        const restore = snapshot('lobbying_status');
        const old = t.lobbying_status;
        t.lobbying_status = edit.value;
        return { field: 'lobbying_status', old, now: edit.value, restore };
      }
      case 'implementation_status': {
        if (t.implementation_status === edit.value) return null;
        const restore = snapshot('implementation_status');
        const old = t.implementation_status;
        t.implementation_status = edit.value;
        return { field: 'implementation_status', old, now: edit.value, restore };
      }
      case 'add_tag': {
        const tag = edit.value.trim();
        if (!tag) throw ipcError('invalid_input', 'A tag cannot be empty. Type a word or two.');
        if (t.tags.includes(tag)) return null;
        const restore = snapshot('tags');
        t.tags = [...t.tags, tag];
        return { field: 'tag', old: null, now: tag, restore };
      }
      case 'remove_tag': {
        const tag = edit.value.trim();
        if (!t.tags.includes(tag)) return null;
        const restore = snapshot('tags');
        t.tags = t.tags.filter((kept) => kept !== tag);
        return { field: 'tag', old: tag, now: null, restore };
      }
      case 'add_evidence': {
        if (!/^https?:\/\//.test(edit.value.url)) {
          throw ipcError(
            'invalid_input',
            'The web address must start with http:// or https://. Check it and try again.',
          );
        }
        const restore = snapshot('evidence');
        const link: EvidenceLink = { id: this.#nextId++, ...edit.value };
        t.evidence = [...t.evidence, link];
        return { field: 'evidence', old: null, now: edit.value.url, restore };
      }
      case 'remove_evidence': {
        const link = t.evidence.find((e) => e.id === edit.value);
        if (!link) return null;
        const restore = snapshot('evidence');
        t.evidence = t.evidence.filter((e) => e.id !== edit.value);
        return { field: 'evidence', old: link.url, now: null, restore };
      }
    }
  }

  /** Records a change: one history row per recommendation, one Undo step. */
  #record(
    kind: ChangeSummary['kind'],
    description: string,
    rows: {
      rec: Rec;
      field: string;
      old: string | null;
      now: string | null;
      restore: () => void;
    }[],
  ): FakeChange {
    const at = this.#now();
    const entries: ChangeEntry[] = rows.map(({ rec, field, old, now }) => {
      rec.history.unshift({
        id: this.#nextId++,
        at,
        who: this.userName,
        field,
        old_value: old,
        new_value: now,
      });
      rec.updatedAt = at;
      return {
        recommendation_id: rec.id,
        review_id: rec.review.summary.id,
        paragraph: rec.paragraph,
        field,
        old_value: old,
        new_value: now,
      };
    });
    const change: FakeChange = {
      summary: {
        id: this.#nextId++,
        at,
        who: this.userName,
        kind,
        description,
        count: new Set(rows.map((r) => r.rec.id)).size,
        undone_at: null,
        entries: entries.slice(0, 200),
      },
      entries,
      reviews: new Set(entries.map((e) => e.review_id)),
      restore: rows.map((r) => r.restore),
    };
    this.#changes.push(change);
    this.#version += 1;
    return change;
  }

  #editOne(id: number, edit: TrackingEdit): RecommendationDetail {
    const rec = this.#rec(id);
    const applied = this.#apply(rec, edit);
    if (applied) {
      const description = describeChange(applied.field, applied.old, applied.now, rec.paragraph);
      this.#record('edit', description, [{ rec, ...applied }]);
    }
    return this.#detail(rec);
  }

  #bulkEdit(ids: number[], edit: BulkEdit): BulkOutcome {
    if (!Array.isArray(ids) || ids.length === 0) {
      throw ipcError('invalid_input', 'Select at least one recommendation first.');
    }
    const recs = [...new Set(ids)].map((id) => this.#rec(id));
    const rows = [];
    for (const rec of recs) {
      const applied = this.#apply(rec, edit);
      if (applied) rows.push({ rec, ...applied });
    }
    if (rows.length === 0) return { change_id: null, changed: 0 };
    // The description names the value set (or the tag), whatever each one had before.
    const first = rows[0]!;
    const description = describeChange(first.field, first.old, first.now, countTarget(rows.length));
    const change = this.#record('bulk', description, rows);
    return { change_id: change.summary.id, changed: rows.length };
  }

  #undoable(): FakeChange | undefined {
    for (let i = this.#changes.length - 1; i >= 0; i--) {
      const change = this.#changes[i]!;
      if (change.summary.kind !== 'undo' && change.summary.undone_at === null) return change;
    }
    return undefined;
  }

  #lastChange(): ChangeSummary | null {
    const change = this.#undoable();
    return change ? structuredClone(change.summary) : null;
  }

  #undoLast(): UndoOutcome | null {
    const change = this.#undoable();
    if (!change) return null;
    const rows = change.entries.map((entry, i) => {
      const rec = this.#rec(entry.recommendation_id);
      return {
        rec,
        field: entry.field,
        old: entry.new_value,
        now: entry.old_value,
        restore: () => undefined,
        undo: change.restore[i]!,
      };
    });
    for (const row of [...rows].reverse()) row.undo();
    const undo = this.#record('undo', `Undid: ${change.summary.description}`, rows);
    change.summary.undone_at = undo.summary.at;
    return {
      undone: structuredClone(change.summary),
      recommendation_ids: [...new Set(rows.map((r) => r.rec.id))],
    };
  }

  #reviewHistory(args: Record<string, unknown>): ChangeSummary[] {
    const reviewId = Number(args['reviewId']);
    const since = args['since'] as string | null;
    const limit = Number(args['limit'] ?? 100);
    return structuredClone(
      this.#changes
        .filter((c) => c.reviews.has(reviewId) && (since === null || c.summary.at > since))
        .reverse()
        .slice(0, limit)
        .map((c) => c.summary),
    );
  }

  // -- Views and settings ---------------------------------------------------------------------------

  #saveView(view: NewSavedView): SavedView {
    const name = view.name.trim();
    if (!name) throw ipcError('invalid_input', 'Give the view a name, then save it again.');
    view.filters.forEach(checkFilter);
    // As the store: a view of the same name, whatever its case, is replaced and keeps its id.
    const same = this.#views.findIndex((v) => v.name.toLowerCase() === name.toLowerCase());
    const saved: SavedView = {
      ...structuredClone(view),
      name,
      id: this.#views[same]?.id ?? this.#nextId++,
      created_at: this.#now(),
    };
    if (same === -1) this.#views.push(saved);
    else this.#views[same] = saved;
    return structuredClone(saved);
  }

  #setUserName(raw: string): string {
    const name = raw.trim();
    if (!name) {
      throw ipcError(
        'invalid_input',
        'Enter the name to record in the history, for example your first name.',
      );
    }
    if (name.length > 100) {
      throw ipcError('invalid_input', 'This name is too long: use at most 100 characters.');
    }
    this.userName = name;
    return name;
  }

  // -- Import ---------------------------------------------------------------------------------------

  async #work(channel: unknown, phase: ImportProgress['phase'], total: number): Promise<void> {
    this.#cancelled = false;
    const progress = channel as FakeChannel<ImportProgress>;
    for (let done = 0; done <= total; done += Math.max(1, Math.ceil(total / 4))) {
      progress.onmessage({ phase, done, total });
      if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
      if (this.#cancelled) throw ipcError('cancelled', 'Cancelled: nothing was changed.');
    }
  }

  async #previewImport(args: Record<string, unknown>): Promise<ImportPreview> {
    const request = args['request'] as ImportRequest;
    const preview = this.#preview(request);
    await this.#work(args['onProgress'], 'checking', preview.rows);
    const token = this.#nextId++;
    this.#pending = { token, preview };
    return { token, ...structuredClone(preview) };
  }

  async #commitImport(args: Record<string, unknown>): Promise<ImportSummary> {
    const pending = this.#pending;
    if (!pending || pending.token !== args['token'] || !pending.preview.summary) {
      throw ipcError('invalid_input', 'This preview is out of date. Preview the file again.');
    }
    await this.#work(args['onProgress'], 'importing', pending.preview.rows);
    this.#pending = null;
    this.loaded = true;
    this.#version += 1;
    return {
      ...structuredClone(pending.preview.summary),
      committed: true,
      backup: '/home/ana/.local/share/org.docket.desktop/backups/docket-20261124.sqlite3',
    };
  }
}

/** Answers every `invoke` with the fake backend; returns it so a test can inspect the calls. */
export function installFakeBackend(options: FakeOptions = {}): FakeBackend {
  const backend = new FakeBackend(options);
  mockIPC((command, args) => backend.handle(command, args));
  return backend;
}
