// Advocacy in the fake backend (see fakeBackend.ts): the organization's statements (their budget,
// workflow, versions and differences, the recommendations they quote, speakers' rates and
// sessions' time limits) and the lobbying of recommending States (pages, contacts, meetings,
// status, who to meet first), after the rules of crates/docket-core/src/advocacy. Registering a
// statement and a meeting's follow-up put deadlines in the fake's calendar.
import { addDays, GENEVA, isIsoDay, todayIn } from '../lib/calendar/dates';
import { reviewLabel } from '../lib/calendar/labels';
import { ECOSOC_STATUSES, PLACES, STATE_STATUSES, STATEMENT_KINDS } from '../lib/ipc/labels';
import type {
  Contact,
  Deadline,
  DiffPart,
  IpcError,
  LinkedRecommendation,
  Meeting,
  NewContact,
  NewDeadline,
  NewMeeting,
  NewStatement,
  Position,
  Priority,
  Quote,
  StateKey,
  StateLobbyingStatus,
  StatePage,
  StateRank,
  StateRecommendation,
  StateRef,
  Statement,
  StatementDates,
  StatementStatus,
  StatementSummary,
  StatementVersion,
  VersionDiff,
} from '../lib/ipc/types';
import { fold } from '../lib/search/fold';
import {
  computeBudget,
  countWords,
  MAX_LIMIT_SECONDS,
  MAX_RATE,
  MIN_LIMIT_SECONDS,
  MIN_RATE,
  DEFAULT_TIME_LIMIT_SECONDS,
} from '../lib/statements/words';
import { summaryOf } from '../lib/statements/defaults';
import { canMove, statusLabel, STATUSES } from '../lib/statements/workflow';
import type { CalendarReview, FakeCalendar } from './fakeCalendar';

function ipcError(kind: IpcError['kind'], message: string): IpcError {
  return { kind, message };
}

/** What advocacy needs to know of a recommendation: a State's page's, and who made it. */
export interface AdvocacyRecommendation extends Omit<StateRecommendation, 'review'> {
  states: StateRef[];
}

export interface FakeAdvocacyOptions {
  reviews: () => CalendarReview[];
  /** Every recommendation in the database, in paragraph order. */
  recommendations: () => AdvocacyRecommendation[];
  calendar: FakeCalendar;
  userName: () => string;
  /** The fake's clock, ms. */
  now: () => number;
}

/** The commands this part of the fake answers. */
export const ADVOCACY_COMMANDS: ReadonlySet<string> = new Set([
  'statements',
  'statement',
  'save_statement',
  'set_statement_status',
  'delete_statement',
  'snapshot_statement',
  'statement_versions',
  'diff_versions',
  'quotes',
  'speaker_rates',
  'set_speaker_rate',
  'session_time_limit',
  'set_session_time_limit',
  'state_page',
  'who_to_meet_first',
  'save_contact',
  'delete_contact',
  'save_meeting',
  'delete_meeting',
  'set_state_lobbying',
]);

/** A statement as the store keeps it: its recommendations and its deadline by id. */
interface StoredStatement
  extends NewStatement, Pick<Statement, 'id' | 'status' | 'created_at' | 'updated_at'> {
  deadline_id: number | null;
}

interface StoredMeeting extends Omit<NewMeeting, 'follow_up'> {
  id: number;
  follow_up_id: number | null;
}

// -- Differences ----------------------------------------------------------------------------------

/** A word (empty for whitespace at the start) and the whitespace after it. */
interface Token {
  word: string;
  space: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /(\S*)(\s*)/gu;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    out.push({ word: m[1] ?? '', space: m[2] ?? '' });
  }
  return out;
}

/**
 * As crates/docket-core/src/advocacy/diff.rs: the runs turning `left` into `right` word by word,
 * whitespace kept with its word; between two unchanged runs what was removed comes first.
 */
export function diffWords(left: string, right: string): DiffPart[] {
  const a = tokens(left);
  const b = tokens(right);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix]!.word === b[prefix]!.word) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix]!.word === b[b.length - 1 - suffix]!.word
  ) {
    suffix++;
  }
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  // The longest common subsequence of the middles (quadratic: fine for a fake).
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        a[prefix + i]!.word === b[prefix + j]!.word
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  type Op = ['same', number, number] | ['removed', number] | ['added', number];
  const ops: Op[] = [];
  for (let k = 0; k < prefix; k++) ops.push(['same', k, k]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i]!.word === b[prefix + j]!.word) {
      ops.push(['same', prefix + i, prefix + j]);
      i++;
      j++;
    } else if (j >= m || (i < n && table[i + 1]![j]! >= table[i]![j + 1]!)) {
      ops.push(['removed', prefix + i]);
      i++;
    } else {
      ops.push(['added', prefix + j]);
      j++;
    }
  }
  for (let k = 0; k < suffix; k++) {
    ops.push(['same', a.length - suffix + k, b.length - suffix + k]);
  }

  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let removed = '';
  let added = '';
  const flush = () => {
    push('removed', removed);
    push('added', added);
    removed = '';
    added = '';
  };
  for (const op of ops) {
    if (op[0] === 'removed') {
      removed += a[op[1]]!.word + a[op[1]]!.space;
    } else if (op[0] === 'added') {
      added += b[op[1]]!.word + b[op[1]]!.space;
    } else {
      flush();
      const [, li, rj] = op;
      push('same', a[li]!.word);
      const sa = a[li]!.space;
      const sb = b[rj]!.space;
      if (sa === sb) {
        push('same', sa);
      } else {
        removed += sa;
        added += sb;
      }
    }
  }
  flush();
  return parts;
}

// -- States ---------------------------------------------------------------------------------------

/** How the store names a State: its ISO code when known, else its name as written, lowercased. */
function stateId(state: { iso3: string | null; name: string }): string {
  return state.iso3 ? state.iso3.toUpperCase() : `name:${state.name.trim().toLowerCase()}`;
}

function checkState(state: StateKey | undefined): StateKey {
  if (!state || typeof state.name !== 'string' || state.name.trim() === '') {
    throw ipcError('invalid_input', 'Choose the State first.');
  }
  return { iso3: state.iso3 ? state.iso3.toUpperCase() : null, name: state.name.trim() };
}

function points(priority: Priority): number {
  return priority === 'high' ? 3 : priority === 'medium' ? 2 : 1;
}

function weightTenths(position: Position): number {
  return position === 'pending' ? 15 : position === 'noted' ? 12 : 10;
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/** As crates/docket-core/src/advocacy/lobbying.rs `why`. */
function why(rank: StateRank): string {
  const prioritised = rank.high + rank.medium + rank.low;
  if (prioritised === 0) {
    return `No priority recommendations (${rank.recommendations} in this review).`;
  }
  const kinds = (
    [
      [rank.high, 'high'],
      [rank.medium, 'medium'],
      [rank.low, 'low'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`);
  const noun = prioritised === 1 ? 'priority recommendation' : 'priority recommendations';
  const stands = (
    [
      [rank.pending, 'still pending'],
      [rank.noted, 'noted'],
      [rank.supported, 'supported'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => (n === prioritised && prioritised > 1 ? `all ${what}` : `${n} ${what}`));
  return `${joinAnd(kinds)} ${noun}; ${stands.join(', ')}.`;
}

// -- The fake -------------------------------------------------------------------------------------

export class FakeAdvocacy {
  readonly #options: FakeAdvocacyOptions;
  readonly #statements: StoredStatement[] = [];
  readonly #versions: StatementVersion[] = [];
  /** Lowercased name → [name, words a minute]. */
  readonly #rates = new Map<string, [string, number]>([
    ['amina diallo', ['Amina Diallo', 120]],
    ['ben carter', ['Ben Carter', 145]],
  ]);
  readonly #limits = new Map<number, number>();
  readonly #contacts: Contact[] = [];
  readonly #meetings: StoredMeeting[] = [];
  readonly #lobbying = new Map<
    string,
    { state: StateKey; status: StateLobbyingStatus; notes: string }
  >();
  #nextId = 1;
  #lastTime = 0;

  constructor(options: FakeAdvocacyOptions) {
    this.#options = options;
  }

  handle(command: string, args: Record<string, unknown>): unknown {
    const id = () => Number(args['id']);
    switch (command) {
      case 'statements':
        return this.statements((args['reviewId'] as number | null | undefined) ?? null);
      case 'statement':
        return this.statement(id());
      case 'save_statement':
        return this.saveStatement(
          (args['id'] as number | null | undefined) ?? null,
          args['statement'] as NewStatement,
        );
      case 'set_statement_status':
        return this.setStatementStatus(id(), args['status'] as StatementStatus);
      case 'delete_statement':
        this.#stored(id());
        this.#statements.splice(
          this.#statements.findIndex((s) => s.id === id()),
          1,
        );
        return null;
      case 'snapshot_statement':
        return this.snapshot(id(), String(args['label'] ?? ''));
      case 'statement_versions':
        this.#stored(id());
        return structuredClone(
          this.#versions.filter((v) => v.statement_id === id()).sort((a, b) => b.id - a.id),
        );
      case 'diff_versions':
        return this.diff(
          Number(args['left']),
          (args['right'] as number | null | undefined) ?? null,
        );
      case 'quotes':
        return this.quotes((args['ids'] as number[] | undefined) ?? []);
      case 'speaker_rates':
        return [...this.#rates.values()]
          .map(([name, rate]): [string, number] => [name, rate])
          .sort((a, b) => a[0].localeCompare(b[0]));
      case 'set_speaker_rate':
        this.setSpeakerRate(String(args['name'] ?? ''), Number(args['wordsPerMinute']));
        return null;
      case 'session_time_limit':
        return this.#limits.get(this.#session(args['hrcSession'])) ?? DEFAULT_TIME_LIMIT_SECONDS;
      case 'set_session_time_limit': {
        const session = this.#session(args['hrcSession']);
        this.#limits.set(session, this.#checkLimit(Number(args['seconds'])));
        return null;
      }
      case 'state_page':
        return this.statePage(
          args['state'] as StateKey,
          (args['reviewId'] as number | null | undefined) ?? null,
        );
      case 'who_to_meet_first':
        return this.whoToMeetFirst(Number(args['reviewId']));
      case 'save_contact':
        return this.saveContact(
          (args['id'] as number | null | undefined) ?? null,
          args['contact'] as NewContact,
        );
      case 'delete_contact': {
        const at = this.#contacts.findIndex((c) => c.id === id());
        if (at === -1) throw ipcError('not_found', 'This contact is no longer in Docket.');
        this.#contacts.splice(at, 1);
        return null;
      }
      case 'save_meeting':
        return this.saveMeeting(
          (args['id'] as number | null | undefined) ?? null,
          args['meeting'] as NewMeeting,
        );
      case 'delete_meeting':
        this.deleteMeeting(id());
        return null;
      case 'set_state_lobbying':
        this.setStateLobbying(
          args['state'] as StateKey,
          args['status'] as StateLobbyingStatus,
          String(args['notes'] ?? ''),
        );
        return null;
      default:
        throw `command ${command} not found`;
    }
  }

  /** The next instant, strictly after the previous one. */
  #now(): string {
    this.#lastTime = Math.max(this.#options.now(), this.#lastTime + 1);
    return new Date(this.#lastTime).toISOString();
  }

  #review(id: number): CalendarReview {
    const review = this.#options.reviews().find((r) => r.id === id);
    if (!review) {
      throw ipcError('not_found', 'This review is no longer in Docket. Choose another review.');
    }
    return review;
  }

  #reviewWords(id: number): string {
    const review = this.#options.reviews().find((r) => r.id === id);
    return review ? reviewLabel(review) : '';
  }

  #recommendation(id: number): AdvocacyRecommendation {
    const rec = this.#options.recommendations().find((r) => r.id === id);
    if (!rec) throw ipcError('not_found', 'This recommendation is no longer in Docket.');
    return rec;
  }

  #linked(ids: number[]): LinkedRecommendation[] {
    const recs = new Map(this.#options.recommendations().map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const rec = recs.get(id);
      return rec ? [{ id: rec.id, review_id: rec.review_id, paragraph: rec.paragraph }] : [];
    });
  }

  /** A deadline as the calendar has it now (null once deleted there). */
  #deadline(id: number | null): Deadline | null {
    if (id === null) return null;
    const event = this.#options.calendar.calendar(null).find((e) => e.deadline?.id === id);
    return event?.deadline ? structuredClone(event.deadline) : null;
  }

  // -- Statements ---------------------------------------------------------------------------------

  #stored(id: number): StoredStatement {
    const statement = this.#statements.find((s) => s.id === id);
    if (!statement) {
      throw ipcError(
        'not_found',
        'This statement is no longer in Docket. It may have been deleted.',
      );
    }
    return statement;
  }

  #dates(reviewId: number | null): StatementDates {
    const dates: StatementDates = {
      speakers_list_opens: null,
      written_statement_due: null,
      adoption: null,
    };
    if (reviewId === null || !this.#options.reviews().some((r) => r.id === reviewId)) return dates;
    for (const event of this.#options.calendar.calendar(reviewId)) {
      if (event.kind === 'speakers_list_opens') dates.speakers_list_opens = event.date;
      if (event.kind === 'written_statement_due') dates.written_statement_due = event.date;
      if (event.kind === 'adoption') dates.adoption = event.date;
    }
    return dates;
  }

  #budget(s: StoredStatement) {
    return computeBudget(s.kind, s.ecosoc_status, s.text, s.words_per_minute, s.time_limit_seconds);
  }

  #full(s: StoredStatement): Statement {
    const deadline = this.#deadline(s.deadline_id);
    if (deadline === null) s.deadline_id = null;
    const { recommendation_ids, deadline_id: _deadline, ...rest } = s;
    return structuredClone({
      ...rest,
      recommendations: this.#linked(recommendation_ids),
      deadline,
      budget: this.#budget(s),
      dates: this.#dates(s.review_id),
    });
  }

  statements(reviewId: number | null): StatementSummary[] {
    if (reviewId !== null) this.#review(reviewId);
    return this.#statements
      .filter((s) => reviewId === null || s.review_id === reviewId)
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id)
      .map((s) => summaryOf({ ...s, budget: this.#budget(s) }));
  }

  statement(id: number): Statement {
    return this.#full(this.#stored(id));
  }

  #checkLimit(seconds: number): number {
    if (!Number.isInteger(seconds) || seconds < MIN_LIMIT_SECONDS || seconds > MAX_LIMIT_SECONDS) {
      throw ipcError(
        'invalid_input',
        `The time limit must be between 15 seconds and 20 minutes, not ${String(seconds)} seconds.`,
      );
    }
    return seconds;
  }

  #session(raw: unknown): number {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      throw ipcError('invalid_input', 'Choose a Council session by its number, e.g. 58.');
    }
    return n;
  }

  #content(input: NewStatement): NewStatement {
    if (!input || !STATEMENT_KINDS.includes(input.kind)) {
      throw ipcError('invalid_input', 'A statement is oral or written.');
    }
    const title = String(input.title ?? '').trim();
    if (!title) throw ipcError('invalid_input', 'Give the statement a title, then try again.');
    if (title.length > 200) {
      throw ipcError('invalid_input', 'The title is too long: use at most 200 characters.');
    }
    if (!ECOSOC_STATUSES.includes(input.ecosoc_status)) {
      throw ipcError('invalid_input', 'Choose the organization’s ECOSOC status.');
    }
    const rate = input.words_per_minute;
    if (!Number.isInteger(rate) || rate < MIN_RATE || rate > MAX_RATE) {
      throw ipcError(
        'invalid_input',
        `The speaking rate must be between ${MIN_RATE} and ${MAX_RATE} words a minute.`,
      );
    }
    const limit = this.#checkLimit(input.time_limit_seconds);
    const session = input.hrc_session === null ? null : this.#session(input.hrc_session);
    if (input.review_id !== null) this.#review(input.review_id);
    const ids = [...new Set(input.recommendation_ids ?? [])];
    for (const rid of ids) this.#recommendation(rid);
    const coSigners: string[] = [];
    for (const raw of input.co_signers ?? []) {
      const name = raw.trim();
      if (name && !coSigners.some((c) => c.toLowerCase() === name.toLowerCase())) {
        coSigners.push(name);
      }
    }
    return {
      kind: input.kind,
      title,
      hrc_session: session,
      review_id: input.review_id,
      debate: (input.debate ?? '').trim(),
      organization: (input.organization ?? '').trim(),
      ecosoc_status: input.ecosoc_status,
      co_signers: coSigners,
      speaker: (input.speaker ?? '').trim(),
      words_per_minute: rate,
      time_limit_seconds: limit,
      text: input.text ?? '',
      recommendation_ids: ids,
    };
  }

  #version(s: StoredStatement, label: string, at: string): StatementVersion {
    const version: StatementVersion = {
      id: this.#nextId++,
      statement_id: s.id,
      at,
      who: this.#options.userName(),
      label,
      status: s.status,
      title: s.title,
      text: s.text,
      words: countWords(s.text),
    };
    this.#versions.push(version);
    return version;
  }

  saveStatement(id: number | null, input: NewStatement): Statement {
    const content = this.#content(input);
    const now = this.#now();
    if (id === null) {
      const created: StoredStatement = {
        ...content,
        id: this.#nextId++,
        status: 'idea',
        deadline_id: null,
        created_at: now,
        updated_at: now,
      };
      this.#statements.push(created);
      this.#version(created, 'Created', now);
      return this.#full(created);
    }
    const stored = this.#stored(id);
    Object.assign(stored, content, { updated_at: now });
    return this.#full(stored);
  }

  /** The deadline made when a statement is registered: a reminder before the day it matters. */
  #registrationDeadline(s: StoredStatement): NewDeadline | null {
    const dates = this.#dates(s.review_id);
    const oral = s.kind === 'oral';
    const due = oral
      ? dates.adoption && addDays(dates.adoption, -1)
      : (dates.adoption ?? dates.written_statement_due);
    if (!due) return null;
    return {
      review_id: s.review_id,
      event_kind: 'adoption',
      title: oral
        ? 'Confirm our place on the speakers list in person'
        : 'Check that our written statement is published',
      due_date: due,
      due_time: null,
      time_zone: GENEVA,
      owner: s.speaker,
      status: 'to_do',
      notes: `For “${s.title}”.`,
      recommendation_ids: [],
      reminders: [10080, 1440],
    };
  }

  setStatementStatus(id: number, status: StatementStatus): Statement {
    if (!STATUSES.includes(status)) {
      throw ipcError('invalid_input', `“${String(status)}” is not a statement’s status.`);
    }
    const s = this.#stored(id);
    if (!canMove(s.status, status)) {
      throw ipcError(
        'invalid_input',
        `A statement cannot go from ${statusLabel(s.status, s.kind)} to ${statusLabel(status, s.kind)}.`,
      );
    }
    const now = this.#now();
    const label = `${statusLabel(s.status, s.kind)} → ${statusLabel(status, s.kind)}`;
    s.status = status;
    s.updated_at = now;
    if (status === 'registered') {
      const deadline = this.#registrationDeadline(s);
      if (deadline) {
        const existing = this.#deadline(s.deadline_id);
        s.deadline_id = this.#options.calendar.saveDeadline(existing?.id ?? null, deadline).id;
      }
    }
    this.#version(s, label, now);
    return this.#full(s);
  }

  snapshot(id: number, raw: string): StatementVersion {
    const s = this.#stored(id);
    const label = raw.trim();
    if (label.length > 200) {
      throw ipcError('invalid_input', 'The label is too long: use at most 200 characters.');
    }
    return structuredClone(
      this.#version(s, label ? `Saved by hand: ${label}` : 'Saved by hand', this.#now()),
    );
  }

  diff(leftId: number, rightId: number | null): VersionDiff {
    const find = (vid: number) => {
      const version = this.#versions.find((v) => v.id === vid);
      if (!version) throw ipcError('not_found', 'This version is no longer in Docket.');
      return version;
    };
    const left = find(leftId);
    let right: StatementVersion;
    if (rightId === null) {
      const s = this.#stored(left.statement_id);
      right = {
        id: 0,
        statement_id: s.id,
        at: s.updated_at,
        who: this.#options.userName(),
        label: 'Now',
        status: s.status,
        title: s.title,
        text: s.text,
        words: countWords(s.text),
      };
    } else {
      right = find(rightId);
      if (right.statement_id !== left.statement_id) {
        throw ipcError('invalid_input', 'These two versions are of different statements.');
      }
    }
    const parts = diffWords(left.text, right.text);
    const words = (kind: DiffPart['kind']) =>
      countWords(
        parts
          .filter((p) => p.kind === kind)
          .map((p) => p.text)
          .join(' '),
      );
    return structuredClone({
      left,
      right,
      parts,
      added_words: words('added'),
      removed_words: words('removed'),
    });
  }

  quotes(ids: number[]): Quote[] {
    return ids.map((rid) => {
      const rec = this.#recommendation(rid);
      return {
        id: rec.id,
        paragraph: rec.paragraph,
        states: rec.states.map((s) => s.name),
        text: rec.text,
      };
    });
  }

  setSpeakerRate(raw: string, rate: number): void {
    const name = raw.trim();
    if (!name) throw ipcError('invalid_input', 'Write the speaker’s name first.');
    if (!Number.isInteger(rate) || rate < MIN_RATE || rate > MAX_RATE) {
      throw ipcError(
        'invalid_input',
        `The speaking rate must be between ${MIN_RATE} and ${MAX_RATE} words a minute.`,
      );
    }
    this.#rates.set(name.toLowerCase(), [name, rate]);
  }

  // -- Lobbying -----------------------------------------------------------------------------------

  #stateOf(key: StateKey): { refs: AdvocacyRecommendation[]; ref: StateRef | null } {
    const wanted = stateId(key);
    let ref: StateRef | null = null;
    const refs = this.#options.recommendations().filter((rec) => {
      const found = rec.states.find((s) => stateId(s) === wanted);
      if (found) ref ??= found;
      return found !== undefined;
    });
    return { refs, ref };
  }

  #stateRecommendation(rec: AdvocacyRecommendation): StateRecommendation {
    const { states: _states, ...fields } = rec;
    return { ...fields, review: this.#reviewWords(rec.review_id) };
  }

  #meeting(m: StoredMeeting): Meeting {
    const followUp = this.#deadline(m.follow_up_id);
    if (followUp === null) m.follow_up_id = null;
    const { follow_up_id: _followUp, recommendation_ids, ...fields } = m;
    return {
      ...fields,
      state: { ...m.state },
      follow_up: followUp,
      recommendations: this.#linked(recommendation_ids),
    };
  }

  statePage(raw: StateKey, reviewId: number | null): StatePage {
    const key = checkState(raw);
    if (reviewId !== null) this.#review(reviewId);
    const { refs, ref } = this.#stateOf(key);
    const state: StateKey = ref ? { iso3: ref.iso3, name: ref.name } : key;
    const id = stateId(key);
    const reviewState = (rid: number) =>
      this.#options.reviews().find((r) => r.id === rid)?.state_under_review ?? '';
    const here = reviewId === null ? '' : reviewState(reviewId);
    const elsewhere = refs
      .filter((r) => r.review_id !== reviewId)
      .sort(
        (a, b) =>
          Number(reviewState(b.review_id) === here) - Number(reviewState(a.review_id) === here) ||
          b.review_id - a.review_id,
      );
    const lobbying = this.#lobbying.get(id);
    return structuredClone({
      state,
      regional_group: ref?.regional_group ?? null,
      in_review: refs
        .filter((r) => r.review_id === reviewId)
        .map((r) => this.#stateRecommendation(r)),
      elsewhere: elsewhere.map((r) => this.#stateRecommendation(r)),
      contacts: this.#contacts.filter((c) => stateId(c.state) === id),
      meetings: this.#meetings
        .filter((m) => stateId(m.state) === id)
        .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
        .map((m) => this.#meeting(m)),
      status: lobbying?.status ?? 'not_contacted',
      notes: lobbying?.notes ?? '',
    });
  }

  whoToMeetFirst(reviewId: number): StateRank[] {
    this.#review(reviewId);
    const byState = new Map<string, { state: StateKey; recs: AdvocacyRecommendation[] }>();
    for (const rec of this.#options.recommendations()) {
      if (rec.review_id !== reviewId) continue;
      const seen = new Set<string>();
      for (const ref of rec.states) {
        const id = stateId(ref);
        if (seen.has(id)) continue;
        seen.add(id);
        const entry = byState.get(id) ?? { state: { iso3: ref.iso3, name: ref.name }, recs: [] };
        entry.recs.push(rec);
        byState.set(id, entry);
      }
    }
    const ranked = [...byState.entries()].map(([id, { state, recs }]) => {
      const rank: StateRank = {
        state,
        recommendations: recs.length,
        high: 0,
        medium: 0,
        low: 0,
        pending: 0,
        noted: 0,
        supported: 0,
        status: this.#lobbying.get(id)?.status ?? 'not_contacted',
        score: 0,
        why: '',
      };
      let tenths = 0;
      for (const rec of recs) {
        if (rec.priority === null) {
          tenths += 1;
          continue;
        }
        rank[rec.priority] += 1;
        if (rec.position === 'pending') rank.pending += 1;
        else if (rec.position === 'noted') rank.noted += 1;
        else rank.supported += 1;
        tenths += points(rec.priority) * weightTenths(rec.position);
      }
      rank.score = tenths / 10;
      rank.why = why(rank);
      return { rank, tenths };
    });
    ranked.sort(
      (a, b) =>
        b.tenths - a.tenths ||
        b.rank.pending - a.rank.pending ||
        fold(a.rank.state.name).localeCompare(fold(b.rank.state.name)) ||
        a.rank.state.name.localeCompare(b.rank.state.name),
    );
    return structuredClone(ranked.map((r) => r.rank));
  }

  saveContact(id: number | null, input: NewContact): Contact {
    const state = checkState(input?.state);
    const name = String(input.name ?? '').trim();
    if (!name) throw ipcError('invalid_input', 'Write the contact’s name, then save again.');
    if (name.length > 200) {
      throw ipcError('invalid_input', 'The name is too long: use at most 200 characters.');
    }
    if (!PLACES.includes(input.place)) {
      throw ipcError(
        'invalid_input',
        'A contact works at the mission in Geneva or in the capital.',
      );
    }
    const at = id === null ? -1 : this.#contacts.findIndex((c) => c.id === id);
    if (id !== null && at === -1)
      throw ipcError('not_found', 'This contact is no longer in Docket.');
    const contact: Contact = {
      id: id ?? this.#nextId++,
      state,
      name,
      role: (input.role ?? '').trim(),
      place: input.place,
      email: (input.email ?? '').trim(),
      phone: (input.phone ?? '').trim(),
      notes: input.notes ?? '',
    };
    if (at === -1) this.#contacts.push(contact);
    else this.#contacts[at] = contact;
    return structuredClone(contact);
  }

  saveMeeting(id: number | null, input: NewMeeting): Meeting {
    const state = checkState(input?.state);
    if (!isIsoDay(String(input.date ?? ''))) {
      throw ipcError('invalid_input', 'Write the day of the meeting as YYYY-MM-DD, or choose it.');
    }
    if (input.review_id !== null && input.review_id !== undefined) this.#review(input.review_id);
    const ids = [...new Set(input.recommendation_ids ?? [])];
    for (const rid of ids) this.#recommendation(rid);
    const old = id === null ? null : (this.#meetings.find((m) => m.id === id) ?? null);
    if (id !== null && old === null) {
      throw ipcError('not_found', 'This meeting is no longer in Docket.');
    }
    let followUpId = old ? (this.#deadline(old.follow_up_id)?.id ?? null) : null;
    if (input.follow_up) {
      followUpId = this.#options.calendar.saveDeadline(followUpId, input.follow_up).id;
    } else if (followUpId !== null) {
      this.#options.calendar.deleteDeadline(followUpId);
      followUpId = null;
    }
    const meeting: StoredMeeting = {
      id: old?.id ?? this.#nextId++,
      state,
      review_id: input.review_id ?? null,
      date: input.date,
      who: (input.who ?? '').trim(),
      asked: input.asked ?? '',
      outcome: input.outcome ?? '',
      follow_up_id: followUpId,
      recommendation_ids: ids,
    };
    if (old) this.#meetings.splice(this.#meetings.indexOf(old), 1, meeting);
    else this.#meetings.push(meeting);
    return structuredClone(this.#meeting(meeting));
  }

  deleteMeeting(id: number): void {
    const at = this.#meetings.findIndex((m) => m.id === id);
    if (at === -1) throw ipcError('not_found', 'This meeting is no longer in Docket.');
    const [meeting] = this.#meetings.splice(at, 1);
    const followUp = this.#deadline(meeting?.follow_up_id ?? null);
    if (followUp) this.#options.calendar.deleteDeadline(followUp.id);
  }

  setStateLobbying(raw: StateKey, status: StateLobbyingStatus, notes: string): void {
    const state = checkState(raw);
    if (!STATE_STATUSES.includes(status)) {
      throw ipcError('invalid_input', `“${String(status)}” is not a lobbying status.`);
    }
    this.#lobbying.set(stateId(state), { state, status, notes });
  }

  // -- Demo ---------------------------------------------------------------------------------------

  /** A statement being drafted and some lobbying, so that `npm run dev` shows every part. */
  seedDemo(): void {
    const review = this.#options.reviews()[0];
    if (!review) return;
    const recs = this.#options.recommendations().filter((r) => r.review_id === review.id);
    const [first, second] = recs;
    const text = [
      'Thank you, Mr. President.',
      `We welcome the engagement of ${review.state_under_review} with the Universal Periodic Review and its support of most of the recommendations it received. We regret, however, that the recommendations on the death penalty were only noted.`,
      'We urge the Government to establish a moratorium on executions, to ratify the core human rights treaties it has not yet ratified, and to report publicly on its progress before the mid-term.',
      'Civil society stands ready to work with the Government on a national plan to implement these recommendations, with clear timelines and indicators, and to monitor that implementation.',
      'Thank you.',
    ].join('\n\n');
    const statement = this.saveStatement(null, {
      kind: 'oral',
      title: `Oral statement on the adoption of ${review.state_under_review}'s UPR outcome`,
      hrc_session: 46,
      review_id: review.id,
      debate: '',
      organization: 'Rights Watch Coalition',
      ecosoc_status: 'special',
      co_signers: ['Coalition for Justice'],
      speaker: 'Amina Diallo',
      words_per_minute: 120,
      time_limit_seconds: 90,
      text,
      recommendation_ids: [first?.id, second?.id].filter((x): x is number => x !== undefined),
    });
    this.setStatementStatus(statement.id, 'drafting');

    const states = first?.states ?? [];
    const [a, b] = states;
    if (a) {
      this.saveContact(null, {
        state: { iso3: a.iso3, name: a.name },
        name: 'Claire Martin',
        role: 'First Secretary, human rights',
        place: 'mission',
        email: 'claire.martin@example.org',
        phone: '+41 22 000 00 00',
        notes: 'Prefers short briefs before the adoption.',
      });
      this.setStateLobbying({ iso3: a.iso3, name: a.name }, 'met', 'Open to raising 26.1 again.');
      const today = todayIn('UTC', new Date(this.#options.now()));
      this.saveMeeting(null, {
        state: { iso3: a.iso3, name: a.name },
        review_id: review.id,
        date: addDays(today, -6),
        who: 'Claire Martin',
        asked: 'To mention the noted recommendations in its statement at the adoption.',
        outcome: 'Will check with the capital.',
        follow_up: {
          review_id: review.id,
          event_kind: null,
          title: `Follow up with ${a.name}`,
          due_date: addDays(today, 8),
          due_time: null,
          time_zone: GENEVA,
          owner: '',
          status: 'to_do',
          notes: '',
          recommendation_ids: first ? [first.id] : [],
          reminders: [1440],
        },
        recommendation_ids: first ? [first.id] : [],
      });
    }
    if (b) this.setStateLobbying({ iso3: b.iso3, name: b.name }, 'planned', '');
  }
}
