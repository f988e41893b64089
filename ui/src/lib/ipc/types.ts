// Mirrors the serde types of crates/docket-core (domain.rs) and src-tauri/src/commands.rs; keep in sync.
// Field names are snake_case as serde writes them; command arguments are camelCase (see api.ts).

export type Position = 'supported' | 'noted' | 'supported_in_part' | 'pending';
/** `null` wherever a Priority is optional means "not set". */
export type Priority = 'high' | 'medium' | 'low';
export type LobbyingStatus = 'not_started' | 'planned' | 'in_progress' | 'achieved' | 'dropped';
export type ImplementationStatus =
  'not_assessed' | 'not_implemented' | 'partially_implemented' | 'fully_implemented';

export interface AppInfo {
  version: string;
  data_dir: string;
  db_path: string;
  user_name: string;
}

export interface ReviewSummary {
  id: number;
  state_under_review: string;
  sur_iso3: string | null;
  cycle: number | null;
  wg_session: number | null;
  /** YYYY-MM-DD */
  review_date: string | null;
  report_symbol: string | null;
  addendum_symbol: string | null;
  adoption_date: string | null;
  recommendations: number;
}

export interface StateRef {
  name: string;
  /** null = not a known State: shown flagged ("not in the list of States"). */
  iso3: string | null;
  regional_group: string | null;
}

export interface HistoryEntry {
  id: number;
  /** RFC 3339, UTC */
  at: string;
  who: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

export interface EvidenceLink {
  id: number;
  url: string;
  label: string;
}

export interface Tracking {
  priority: Priority | null;
  our_ask: string;
  lobbying_status: LobbyingStatus;
  implementation_status: ImplementationStatus;
  assignee: string;
  tags: string[];
  notes: string;
  evidence: EvidenceLink[];
}

export interface RecommendationDetail {
  id: number;
  review_id: number;
  paragraph: string;
  text: string;
  position: Position;
  position_source: string | null;
  recommending_states: StateRef[];
  themes: string[];
  groups_of_persons: string[];
  sdgs: string[];
  action_category: number | null;
  tracking: Tracking;
  /** Newest first. */
  history: HistoryEntry[];
}

export type TextField = 'our_ask' | 'assignee' | 'notes';

export type TrackingEdit =
  | { field: 'priority'; value: Priority | null }
  | { field: TextField; value: string }
  | { field: 'lobbying_status'; value: LobbyingStatus }
  | { field: 'implementation_status'; value: ImplementationStatus }
  | { field: 'add_tag' | 'remove_tag'; value: string }
  | { field: 'add_evidence'; value: { url: string; label: string } }
  | { field: 'remove_evidence'; value: number };

export type ErrorKind =
  | 'not_found'
  | 'invalid_input'
  | 'database'
  | 'newer_database'
  | 'corrupt_database'
  | 'io'
  | 'cancelled'
  | 'internal';

export interface IpcError {
  kind: ErrorKind;
  /** Already plain language for a person: what happened and what to do. */
  message: string;
}

// Import (crates/docket-core/src/import/{mod,prepare,mapped}.rs, store/import.rs,
// src-tauri/src/import.rs and events.rs).

export type Format = 'upr-info' | 'uhri' | 'report' | 'thematic-list' | 'responses' | 'csv';

/** What a spreadsheet column holds (mapped.rs `Field`). */
export type Field =
  | 'paragraph'
  | 'text'
  | 'states'
  | 'position'
  | 'themes'
  | 'groups_of_persons'
  | 'sdgs'
  | 'action_category'
  | 'state_under_review'
  | 'session'
  | 'cycle'
  | 'review_date'
  | 'position_source'
  | 'report_symbol'
  | 'priority'
  | 'our_ask'
  | 'lobbying_status'
  | 'implementation_status'
  | 'assignee'
  | 'tags'
  | 'notes'
  | 'evidence'
  | 'ignore';

export interface ColumnMapping {
  /** One field per header column, in header order. */
  columns: Field[];
}

export interface NewReview {
  state_under_review: string;
  cycle: number | null;
  wg_session: number | null;
  review_date: string | null;
  report_symbol: string | null;
  addendum_symbol: string | null;
  adoption_date: string | null;
}

export type ImportSource =
  { kind: 'file'; path: string } | { kind: 'text'; name: string; text: string };

export interface ImportRequest {
  source: ImportSource;
  format?: Format | null;
  /** A WHATWG label, e.g. windows-1252, macintosh. */
  encoding?: string | null;
  mapping?: ColumnMapping | null;
  review_id?: number | null;
  review?: NewReview | null;
}

export type MappingSource = 'guessed' | 'remembered' | 'chosen';

export interface SourceInfo {
  encoding: string | null;
  header: string[];
  mapping: ColumnMapping | null;
  mapping_source: MappingSource | null;
}

export interface FileProblem {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

export interface ImportedReview {
  id: number;
  state_under_review: string;
  session: number | null;
  recommendations: number;
  created: boolean;
}

export interface ImportSummary {
  reviews_created: number;
  reviews: ImportedReview[];
  recommendations_created: number;
  recommendations_updated: number;
  unchanged: number;
  positions_found: number;
  skipped: number;
  problems: FileProblem[];
  committed: boolean;
  backup: string | null;
}

export interface UnknownState {
  name: string;
  occurrences: number;
  suggestions: string[];
}

export interface ImportPreview {
  /** Pass it to commitImport. */
  token: number;
  file: string;
  format: Format;
  rows: number;
  skipped: number;
  source: SourceInfo;
  reviews_read: NewReview[];
  needs_review: string | null;
  blocked: string | null;
  unknown_states: UnknownState[];
  summary: ImportSummary | null;
  problems: FileProblem[];
}

export interface ImportProgress {
  phase: 'checking' | 'importing';
  done: number;
  total: number;
}

export type AppEvent =
  | { kind: 'menu'; action: 'import' | 'paste' }
  | { kind: 'drag_enter' }
  | { kind: 'drag_leave' }
  | { kind: 'files_dropped'; paths: string[] }
  /** Reminders that came due while the app runs (a desktop notification was also requested). */
  | { kind: 'reminders'; due: DueReminder[] };

// Find and track (crates/docket-core/src/store/{search,history,views}.rs).

export type Facet =
  | 'position'
  | 'theme'
  | 'group_of_persons'
  | 'sdg'
  | 'state'
  | 'regional_group'
  | 'action_category'
  | 'priority'
  | 'lobbying_status'
  | 'implementation_status'
  | 'assignee'
  | 'tag'
  | 'cycle';

/** Values of one facet: `[facet, value]`; several values of one facet widen, facets narrow. */
export type FacetFilter = [Facet, string];

export type Sort = 'paragraph' | 'state' | 'position' | 'priority' | 'changed';

export interface SearchRequest {
  /** One review, or null for all reviews. */
  review_id: number | null;
  /** Words, "phrases", prefix*; empty for none. */
  query: string;
  filters: FacetFilter[];
  sort: Sort;
  descending: boolean;
  /** Whether to count the facets (false for pages fetched while scrolling). */
  facets: boolean;
  offset: number;
  /** At most 500. */
  limit: number;
}

export interface SearchHit {
  id: number;
  review: number;
  paragraph: string;
  /** The text around the first word searched for (the start of the text when none), `…` where cut. */
  snippet: string;
  /** Where the words searched for are in `snippet`: UTF-8 byte ranges [start, end). */
  matches: [number, number][];
  position: Position;
  states: string[];
  priority: Priority | null;
  lobbying_status: LobbyingStatus;
  /** RFC 3339 UTC; null if never changed by the organization. */
  updated_at: string | null;
}

/** A word searched for, folded (lower case, no accents); `prefix` for `word*`. */
export interface SearchTerm {
  word: string;
  prefix: boolean;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /**
   * facet → value → count. The counts of a facet are among the recommendations matching the
   * words and every *other* facet's values (so a facet's other values can still be added).
   * Empty when the request had `facets: false`.
   */
  facets: Partial<Record<Facet, Record<string, number>>>;
  terms: SearchTerm[];
}

/** Edits a selection can get in one step. */
export type BulkEdit =
  | Extract<
      TrackingEdit,
      { field: 'priority' | 'lobbying_status' | 'implementation_status' | 'add_tag' | 'remove_tag' }
    >
  // Spelt out: Extract cannot take `assignee` out of the `TextField` member of TrackingEdit.
  | { field: 'assignee'; value: string };

export interface BulkOutcome {
  /** The change recorded (one history entry, one Undo step); null when nothing changed. */
  change_id: number | null;
  /** Recommendations actually changed (those already so are left alone). */
  changed: number;
}

export interface ChangeEntry {
  recommendation_id: number;
  review_id: number;
  paragraph: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

/** One change: a single edit, a bulk edit, or an undo. */
export interface ChangeSummary {
  id: number;
  /** RFC 3339 UTC */
  at: string;
  who: string;
  kind: 'edit' | 'bulk' | 'undo';
  /** Plain words, e.g. "Priority set to High on 67 recommendations". */
  description: string;
  /** Recommendations it touched. */
  count: number;
  /** RFC 3339 UTC when it was undone, else null. */
  undone_at: string | null;
  /** Its entries (at most 200; `count` says how many recommendations in all). */
  entries: ChangeEntry[];
}

export interface UndoOutcome {
  /** The change that was undone. */
  undone: ChangeSummary;
  /** Recommendations whose values were restored. */
  recommendation_ids: number[];
}

export interface SavedView {
  id: number;
  name: string;
  review_id: number | null;
  query: string;
  filters: FacetFilter[];
  sort: Sort;
  descending: boolean;
  /** RFC 3339 UTC */
  created_at: string;
}

export type NewSavedView = Omit<SavedView, 'id' | 'created_at'>;

// The calendar (crates/docket-core/src/calendar/mod.rs).

export type EventKind =
  | 'review'
  | 'responses_due'
  | 'speakers_list_opens'
  | 'written_statement_due'
  | 'adoption'
  | 'mid_term'
  | 'next_submission_due'
  | 'next_review'
  | 'custom';

export type DeadlineStatus = 'to_do' | 'in_progress' | 'done';

/** One event: a date computed from a review, or one of the organization's deadlines. */
export interface CalendarEvent {
  /** Stable id (also the iCalendar UID). */
  uid: string;
  kind: EventKind;
  review_id: number | null;
  /** The review in words, e.g. "United States of America, WG 36". */
  review: string | null;
  title: string;
  /** YYYY-MM-DD, in `time_zone`. */
  date: string;
  /** Last day of an event spanning several days. */
  end_date: string | null;
  /** HH:MM, or null for the whole day. */
  time: string | null;
  /** IANA zone (Europe/Zurich = Geneva for the Council's events). */
  time_zone: string | null;
  /** Official: it wins over the rule. */
  confirmed: boolean;
  /** The user set this date. */
  edited: boolean;
  /** The rule in words ("Your deadline" for the organization's own). */
  rule: string;
  /** Where the rule comes from. */
  source: string;
  /** The rule's date when the user changed it. */
  rule_date: string | null;
  /** The deadline, for `custom` events. */
  deadline: Deadline | null;
  overdue: boolean;
  /** A reminder of this deadline has come due. */
  reminder_due: boolean;
}

export interface LinkedRecommendation {
  id: number;
  review_id: number;
  paragraph: string;
}

export interface Reminder {
  id: number;
  /** Minutes before the due time (10080 = 7 days, 1440 = 1 day, 0 = on time). */
  minutes_before: number;
  /** RFC 3339, UTC. */
  fires_at: string;
  fired_at: string | null;
  snoozed_until: string | null;
}

/** What a deadline says, as saved and as sent to be saved. */
interface DeadlineFields {
  review_id: number | null;
  event_kind: EventKind | null;
  title: string;
  /** YYYY-MM-DD, in `time_zone`. */
  due_date: string;
  /** HH:MM, or null for the whole day. */
  due_time: string | null;
  /** IANA zone. */
  time_zone: string;
  owner: string;
  status: DeadlineStatus;
  notes: string;
}

export interface Deadline extends DeadlineFields {
  id: number;
  uid: string;
  recommendations: LinkedRecommendation[];
  reminders: Reminder[];
  created_at: string;
  updated_at: string;
}

export interface NewDeadline extends DeadlineFields {
  recommendation_ids: number[];
  /** Minutes before the due time. */
  reminders: number[];
}

/** A reminder to show: notified now, or missed while Docket was closed. */
export interface DueReminder {
  reminder_id: number;
  deadline_id: number;
  title: string;
  due_date: string;
  due_time: string | null;
  time_zone: string;
  review: string | null;
  fires_at: string;
  overdue: boolean;
}

export interface HrcSessionDates {
  number: number;
  opens: string;
  closes: string;
  /** Corrected by the user in Settings. */
  edited: boolean;
  /** Beyond Docket's table: the usual months, a guess until corrected. */
  estimated: boolean;
}

export interface EventDateEdit {
  review_id: number;
  kind: EventKind;
  date: string;
  confirmed: boolean;
}

// Advocacy (crates/docket-core/src/advocacy/mod.rs, store/statements.rs, store/lobbying.rs).

export type StatementKind = 'oral' | 'written';
export type EcosocStatus = 'general' | 'special' | 'roster' | 'none';
export type StatementStatus =
  'idea' | 'drafting' | 'final' | 'registered' | 'delivered' | 'not_called';

/** A statement's length against its limits. */
export interface Budget {
  words: number;
  /** Estimated speaking time at the statement's rate (oral). */
  speaking_seconds: number;
  time_limit_seconds: number | null;
  /** The most words that fit (oral: the time limit at the rate; written: by ECOSOC status). */
  word_limit: number | null;
  /** Words to cut to fit (0 when it fits). */
  over_by_words: number;
  over_by_seconds: number;
  /** No ECOSOC status: an accredited organization must deliver or sponsor it. */
  needs_sponsor: boolean;
}

export interface StatementDates {
  speakers_list_opens: string | null;
  written_statement_due: string | null;
  adoption: string | null;
}

/** What a statement says, as saved and as sent to be saved. */
interface StatementFields {
  kind: StatementKind;
  title: string;
  hrc_session: number | null;
  review_id: number | null;
  debate: string;
  organization: string;
  ecosoc_status: EcosocStatus;
  co_signers: string[];
  speaker: string;
  words_per_minute: number;
  time_limit_seconds: number;
  text: string;
}

export interface Statement extends StatementFields {
  id: number;
  status: StatementStatus;
  recommendations: LinkedRecommendation[];
  /** The deadline made when it was registered. */
  deadline: Deadline | null;
  budget: Budget;
  dates: StatementDates;
  created_at: string;
  updated_at: string;
}

export interface NewStatement extends StatementFields {
  recommendation_ids: number[];
}

export type StatementSummary = Pick<
  Statement,
  'id' | 'kind' | 'title' | 'review_id' | 'hrc_session' | 'status' | 'budget' | 'updated_at'
>;

export interface StatementVersion {
  id: number;
  statement_id: number;
  at: string;
  who: string;
  /** Why it was kept ("Drafting → Final", "Saved by hand: …"). */
  label: string;
  status: StatementStatus;
  title: string;
  text: string;
  words: number;
}

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export interface VersionDiff {
  left: StatementVersion;
  /** The newer version, or the current text (id 0). */
  right: StatementVersion;
  parts: DiffPart[];
  added_words: number;
  removed_words: number;
}

/** A recommendation as a statement quotes it. */
export interface Quote {
  id: number;
  paragraph: string;
  states: string[];
  text: string;
}

export type StateLobbyingStatus =
  'not_contacted' | 'planned' | 'met' | 'follow_up' | 'supportive' | 'unresponsive';

/** A recommending State: by ISO code when known, else by its name as written. */
export interface StateKey {
  iso3: string | null;
  name: string;
}

export interface StateRecommendation {
  id: number;
  review_id: number;
  review: string;
  paragraph: string;
  text: string;
  position: Position;
  priority: Priority | null;
  our_ask: string;
  lobbying_status: LobbyingStatus;
}

export type ContactPlace = 'mission' | 'capital';

export interface NewContact {
  state: StateKey;
  name: string;
  role: string;
  place: ContactPlace;
  email: string;
  phone: string;
  notes: string;
}

export interface Contact extends NewContact {
  id: number;
}

/** What a meeting says, as saved and as sent to be saved. */
interface MeetingFields {
  state: StateKey;
  review_id: number | null;
  date: string;
  who: string;
  asked: string;
  outcome: string;
}

export interface Meeting extends MeetingFields {
  id: number;
  follow_up: Deadline | null;
  recommendations: LinkedRecommendation[];
}

export interface NewMeeting extends MeetingFields {
  /** A follow-up deadline for the calendar. */
  follow_up: NewDeadline | null;
  recommendation_ids: number[];
}

export interface StatePage {
  state: StateKey;
  regional_group: string | null;
  /** Its recommendations in the chosen review. */
  in_review: StateRecommendation[];
  /** In the other reviews in the database. */
  elsewhere: StateRecommendation[];
  contacts: Contact[];
  /** Newest first. */
  meetings: Meeting[];
  status: StateLobbyingStatus;
  notes: string;
}

export interface StateRank {
  state: StateKey;
  recommendations: number;
  high: number;
  medium: number;
  low: number;
  pending: number;
  noted: number;
  supported: number;
  status: StateLobbyingStatus;
  score: number;
  /** Why it ranks there, in words. */
  why: string;
}

// Export (crates/docket-core/src/export/mod.rs, store/organization.rs).

/** What kind of document an export makes. */
export type ExportTemplate = 'thematic' | 'state' | 'matrix' | 'statement' | 'calendar';
export type ExportFormat = 'docx' | 'pdf' | 'md' | 'html' | 'csv' | 'xlsx';

export interface ExportRequest {
  template: ExportTemplate;
  format: ExportFormat;
  review_id: number;
  /** Search words narrowing the review's recommendations ('' = none). */
  query: string;
  /** Search filters narrowing them further, as in SearchRequest. */
  filters: FacetFilter[];
  /** A selection: only these recommendations (of the review); null = as searched. */
  ids: number[] | null;
  /** The State template: one State (by name), or null for one section per State. */
  state: string | null;
  /** The statement template: one statement, or null for every statement of the review. */
  statement_id: number | null;
}

/** What an export will write, shown before the save dialog opens. */
/** A matrix's words against one of the stakeholder submission's limits (export/mod.rs). */
export interface WordLimit {
  label: string;
  limit: number;
  /** Words over it (0 when it fits). */
  over: number;
}

export interface ExportSummary {
  title: string;
  /** The file name suggested in the save dialog. */
  file_name: string;
  recommendations: number;
  /** Recommending States (State template), else 0. */
  states: number;
  /** Statements (statement template), else 0. */
  statements: number;
  /** Dates and deadlines (calendar template), else 0. */
  events: number;
  /** The matrix's words, counted as for a stakeholder submission (matrix only). */
  words: number | null;
  /** Those words against each submission limit (matrix only; empty otherwise). */
  word_limits: WordLimit[];
  /** What will be written, in words, e.g. "42 recommendations in 9 themes". */
  lines: string[];
}

export interface ExportProgress {
  /** What is being done, e.g. "Laying out the PDF". */
  step: string;
  /** Units done and in all; both 0 when the step has no count. */
  done: number;
  total: number;
}

/** A file written: open it or show it with `id` (the webview never handles paths itself). */
export interface ExportDone {
  id: number;
  path: string;
  file_name: string;
  bytes: number;
}

export interface OrganizationLogo {
  format: 'png' | 'jpeg';
  /** Pixels. */
  width: number;
  height: number;
  /** The image, to show it (data:image/png;base64,…). */
  data_url: string;
}

/** The organization named at the top of every exported document. */
export interface OrganizationInfo {
  /** Empty when not set. */
  name: string;
  logo: OrganizationLogo | null;
}
