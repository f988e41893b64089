import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { isIpcError, normalizeError } from './errors';
import type {
  AppEvent,
  AppInfo,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportSummary,
  RecommendationDetail,
  ReviewSummary,
  TrackingEdit,
  BulkEdit,
  BulkOutcome,
  ChangeSummary,
  NewSavedView,
  SavedView,
  SearchRequest,
  SearchResult,
  UndoOutcome,
  CalendarEvent,
  Deadline,
  DeadlineStatus,
  DueReminder,
  EventDateEdit,
  EventKind,
  HrcSessionDates,
  NewDeadline,
  Contact,
  Meeting,
  NewContact,
  NewMeeting,
  NewStatement,
  Quote,
  StateKey,
  StateLobbyingStatus,
  StatePage,
  StateRank,
  Statement,
  StatementStatus,
  StatementSummary,
  StatementVersion,
  VersionDiff,
  ExportDone,
  ExportProgress,
  ExportRequest,
  ExportSummary,
  OrganizationInfo,
} from './types';

/** Calls a command; rejects only with a normalized IpcError. */
async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (!isIpcError(raw)) {
      // Keep the technical detail for whoever debugs; the person sees a plain message.
      console.error(`Docket: command ${command} failed`, raw);
    }
    throw normalizeError(raw);
  }
}

/** Typed wrappers around the Tauri commands of src-tauri/src/commands.rs. */
export const api = {
  appInfo: (): Promise<AppInfo> => call('app_info'),

  listReviews: (): Promise<ReviewSummary[]> => call('list_reviews'),

  /** Loads the sample review if needed; resolves to its id. */
  openSample: (): Promise<number> => call('open_sample'),

  getRecommendation: (id: number): Promise<RecommendationDetail> =>
    call('get_recommendation', { id }),

  editTracking: (id: number, edit: TrackingEdit): Promise<RecommendationDetail> =>
    call('edit_tracking', { id, edit }),

  /** Opens the native file dialog; resolves to the chosen path, or null when cancelled. */
  chooseImportFile: (): Promise<string | null> => call('choose_import_file'),

  /** Reads the source and shows what importing it would do; nothing is written. */
  previewImport: (
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportPreview> =>
    call('preview_import', { request, onProgress: new Channel<ImportProgress>(onProgress) }),

  /** Commits the preview with this token (one transaction, after a backup). */
  commitImport: (
    token: number,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportSummary> =>
    call('commit_import', { token, onProgress: new Channel<ImportProgress>(onProgress) }),

  /** Stops the running preview or import; it then rejects with kind `cancelled`. */
  cancelImport: (): Promise<void> => call('cancel_import'),

  /** A page of recommendations matching words and facet values, with the facets' counts. */
  search: (request: SearchRequest): Promise<SearchResult> => call('search', { request }),

  /** The ids of every recommendation matching (for "select all matching"), in the search's order. */
  searchIds: (request: SearchRequest): Promise<number[]> => call('search_ids', { request }),

  /** One edit on many recommendations: one history entry, one Undo step. */
  bulkEdit: (ids: number[], edit: BulkEdit): Promise<BulkOutcome> =>
    call('bulk_edit', { ids, edit }),

  /** What Undo would undo now, or null when there is nothing to undo. */
  lastChange: (): Promise<ChangeSummary | null> => call('last_change'),

  /** Undoes the last change not undone yet; null when there was nothing to undo. */
  undoLast: (): Promise<UndoOutcome | null> => call('undo_last'),

  /** A review's changes, newest first; `since` (RFC 3339) keeps only the later ones. */
  reviewHistory: (
    reviewId: number,
    since: string | null,
    limit: number,
  ): Promise<ChangeSummary[]> => call('review_history', { reviewId, since, limit }),

  listViews: (): Promise<SavedView[]> => call('list_views'),

  /** Saves a view; one with the same name is replaced. */
  saveView: (view: NewSavedView): Promise<SavedView> => call('save_view', { view }),

  deleteView: (id: number): Promise<void> => call('delete_view', { id }),

  /** Sets the name recorded in the history; resolves to the name as saved. */
  setUserName: (name: string): Promise<string> => call('set_user_name', { name }),

  /** The calendar of one review, or of everything (`reviewId` null), in date order. */
  calendar: (reviewId: number | null): Promise<CalendarEvent[]> => call('calendar', { reviewId }),

  /** How many of the organization's deadlines are overdue (the Calendar tab's count). */
  overdueCount: (): Promise<number> => call('overdue_count'),

  /** Sets a computed event's date; `confirmed` makes it official (it wins over the rule). */
  setEventDate: (edit: EventDateEdit): Promise<void> => call('set_event_date', { edit }),

  /** Gives a computed event back to its rule. */
  resetEventDate: (reviewId: number, kind: EventKind): Promise<void> =>
    call('reset_event_date', { reviewId, kind }),

  /** Creates a deadline (`id` null) or replaces one's content. */
  saveDeadline: (id: number | null, deadline: NewDeadline): Promise<Deadline> =>
    call('save_deadline', { id, deadline }),

  setDeadlineStatus: (id: number, status: DeadlineStatus): Promise<Deadline> =>
    call('set_deadline_status', { id, status }),

  deleteDeadline: (id: number): Promise<void> => call('delete_deadline', { id }),

  /** The deadlines linked to a recommendation, soonest first. */
  recommendationDeadlines: (recommendationId: number): Promise<Deadline[]> =>
    call('recommendation_deadlines', { recommendationId }),

  /** Snoozes a reminder for `minutes`. */
  snoozeReminder: (id: number, minutes: number): Promise<void> =>
    call('snooze_reminder', { id, minutes }),

  /** Reminders that came due while Docket was closed: returned once, then empty. */
  takeMissedReminders: (): Promise<DueReminder[]> => call('take_missed_reminders'),

  /** The Council's sessions (Settings): Docket's table with the user's corrections. */
  hrcSessions: (): Promise<HrcSessionDates[]> => call('hrc_sessions'),

  setHrcSession: (number: number, opens: string, closes: string): Promise<HrcSessionDates[]> =>
    call('set_hrc_session', { number, opens, closes }),

  resetHrcSession: (number: number): Promise<HrcSessionDates[]> =>
    call('reset_hrc_session', { number }),

  /** Opens the native save dialog and writes the calendar as .ics; null when cancelled. */
  exportIcs: (reviewId: number | null): Promise<string | null> => call('export_ics', { reviewId }),

  /** The statements of one review, or all (`reviewId` null), most recently changed first. */
  statements: (reviewId: number | null): Promise<StatementSummary[]> =>
    call('statements', { reviewId }),

  statement: (id: number): Promise<Statement> => call('statement', { id }),

  /** Creates a statement (`id` null) or replaces one's content (not its status). */
  saveStatement: (id: number | null, statement: NewStatement): Promise<Statement> =>
    call('save_statement', { id, statement }),

  /** Moves a statement on (or back) in its workflow; keeps a version; registering sets a deadline. */
  setStatementStatus: (id: number, status: StatementStatus): Promise<Statement> =>
    call('set_statement_status', { id, status }),

  deleteStatement: (id: number): Promise<void> => call('delete_statement', { id }),

  /** Keeps a version of the statement as it is now. */
  snapshotStatement: (id: number, label: string): Promise<StatementVersion> =>
    call('snapshot_statement', { id, label }),

  statementVersions: (id: number): Promise<StatementVersion[]> =>
    call('statement_versions', { id }),

  /** Differences between two versions; `right` null compares with the statement as it is now. */
  diffVersions: (left: number, right: number | null): Promise<VersionDiff> =>
    call('diff_versions', { left, right }),

  /** Recommendations as a statement quotes them, in the order given. */
  quotes: (ids: number[]): Promise<Quote[]> => call('quotes', { ids }),

  /** Every speaker's rate: [name, words a minute]. */
  speakerRates: (): Promise<[string, number][]> => call('speaker_rates'),

  setSpeakerRate: (name: string, wordsPerMinute: number): Promise<void> =>
    call('set_speaker_rate', { name, wordsPerMinute }),

  /** The NGO speaking time of a Council session, in seconds (the default when not set). */
  sessionTimeLimit: (hrcSession: number): Promise<number> =>
    call('session_time_limit', { hrcSession }),

  setSessionTimeLimit: (hrcSession: number, seconds: number): Promise<void> =>
    call('set_session_time_limit', { hrcSession, seconds }),

  /** A recommending State's page, for a review or none. */
  statePage: (state: StateKey, reviewId: number | null): Promise<StatePage> =>
    call('state_page', { state, reviewId }),

  /** The recommending States of a review, best to meet first. */
  whoToMeetFirst: (reviewId: number): Promise<StateRank[]> =>
    call('who_to_meet_first', { reviewId }),

  saveContact: (id: number | null, contact: NewContact): Promise<Contact> =>
    call('save_contact', { id, contact }),

  deleteContact: (id: number): Promise<void> => call('delete_contact', { id }),

  /** Logs or updates a meeting; its follow-up deadline goes to the calendar. */
  saveMeeting: (id: number | null, meeting: NewMeeting): Promise<Meeting> =>
    call('save_meeting', { id, meeting }),

  deleteMeeting: (id: number): Promise<void> => call('delete_meeting', { id }),

  setStateLobbying: (state: StateKey, status: StateLobbyingStatus, notes: string): Promise<void> =>
    call('set_state_lobbying', { state, status, notes }),

  /** What an export will write (its title, counts, lines), without writing anything. */
  exportPreview: (request: ExportRequest): Promise<ExportSummary> =>
    call('export_preview', { request }),

  /**
   * Opens the native save dialog, then makes and writes the document; resolves to the file
   * written, or null when the save dialog was cancelled.
   */
  exportDocument: (
    request: ExportRequest,
    onProgress: (progress: ExportProgress) => void,
  ): Promise<ExportDone | null> =>
    call('export_document', { request, onProgress: new Channel<ExportProgress>(onProgress) }),

  /** Opens a file just exported with its app (Word, the PDF reader…). */
  openExport: (id: number): Promise<void> => call('open_export', { id }),

  /** Shows a file just exported in the file manager. */
  revealExport: (id: number): Promise<void> => call('reveal_export', { id }),

  /** The organization named at the top of exported documents: its name and logo. */
  organization: (): Promise<OrganizationInfo> => call('organization'),

  /** Sets the organization's name ('' removes it); resolves to the organization as saved. */
  setOrganizationName: (name: string): Promise<OrganizationInfo> =>
    call('set_organization_name', { name }),

  /** Opens the native file dialog for a PNG or JPEG logo; null when cancelled. */
  chooseOrganizationLogo: (): Promise<OrganizationInfo | null> => call('choose_organization_logo'),

  removeOrganizationLogo: (): Promise<OrganizationInfo> => call('remove_organization_logo'),

  /** Menu choices and files dropped on the window arrive through `handler`. */
  subscribeAppEvents: (handler: (event: AppEvent) => void): Promise<void> =>
    call('subscribe_app_events', { channel: new Channel<AppEvent>(handler) }),
};

export type Api = typeof api;
