// Data shared by the tests: the sample's review, and its calendar (the US 2020 review, WG 36, as
// the fake backend numbers it: review 1) with deadlines around it; a statement's content.
import type {
  CalendarEvent,
  Deadline,
  ExportRequest,
  NewDeadline,
  NewStatement,
  ReviewSummary,
} from '../lib/ipc/types';
import type { ExportContext } from '../lib/export/request';

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

/** A computed date of the sample review (United States, WG 36), with `changes` on top. */
export function computed(changes: Partial<CalendarEvent> = {}): CalendarEvent {
  const kind = changes.kind ?? 'adoption';
  return {
    uid: `upr-usa-wg36-${kind}@docket`,
    kind,
    review_id: 1,
    review: 'United States of America, WG 36',
    title: 'Adoption of the outcome (HRC 46)',
    date: '2021-03-17',
    end_date: null,
    time: null,
    time_zone: 'Europe/Zurich',
    confirmed: false,
    edited: false,
    rule: 'During the Council’s 46th session, usually in its fourth week',
    source: 'HRC resolution 16/21',
    rule_date: null,
    deadline: null,
    overdue: false,
    reminder_due: false,
    ...changes,
  };
}

/** One of the organization's deadlines, as saved. */
export function deadline(changes: Partial<Deadline> = {}): Deadline {
  const id = changes.id ?? 7;
  return {
    id,
    uid: `deadline-${id}@docket`,
    review_id: 1,
    event_kind: null,
    title: 'Send our written statement',
    due_date: '2021-02-08',
    due_time: null,
    time_zone: 'Europe/Zurich',
    owner: '',
    status: 'to_do',
    notes: '',
    recommendations: [],
    reminders: [],
    created_at: '2021-01-10T10:00:00Z',
    updated_at: '2021-01-10T10:00:00Z',
    ...changes,
  };
}

/** When the sample's speakers list opens, with `changes` on top. */
export function speakersList(changes: Partial<CalendarEvent> = {}): CalendarEvent {
  return computed({
    kind: 'speakers_list_opens',
    title: 'Speakers list registration opens (HRC 46)',
    date: '2021-02-19',
    rule: 'The Friday before the Council’s 46th session opens',
    source: 'UPR Info, “NGOs register for speakers list”',
    ...changes,
  });
}

/** A deadline as the calendar lists it. */
export function deadlineEvent(d: Deadline, changes: Partial<CalendarEvent> = {}): CalendarEvent {
  return computed({
    uid: d.uid,
    kind: 'custom',
    review_id: d.review_id,
    review: d.review_id === null ? null : 'United States of America, WG 36',
    title: d.title,
    date: d.due_date,
    time: d.due_time,
    time_zone: d.time_zone,
    rule: 'Your deadline',
    source: '',
    deadline: d,
    ...changes,
  });
}

/** A deadline as it is sent to be saved. */
export function newDeadline(changes: Partial<NewDeadline> = {}): NewDeadline {
  return {
    review_id: 1,
    event_kind: null,
    title: 'Send our written statement',
    due_date: '2021-02-08',
    due_time: null,
    time_zone: 'Europe/Zurich',
    owner: 'Ana',
    status: 'to_do',
    notes: '',
    recommendation_ids: [],
    reminders: [],
    ...changes,
  };
}

/** An oral statement for the sample review's adoption, as it is sent to be saved. */
export function statementContent(changes: Partial<NewStatement> = {}): NewStatement {
  return {
    kind: 'oral',
    title: 'Oral statement on the adoption',
    hrc_session: 46,
    review_id: 1,
    debate: '',
    organization: 'Rights Watch',
    ecosoc_status: 'general',
    co_signers: [],
    speaker: '',
    words_per_minute: 130,
    time_limit_seconds: 120,
    text: '',
    recommendation_ids: [],
    ...changes,
  };
}

/** `n` words: "word0 word1 …" (`stem` instead of "word"). */
export function words(n: number, stem = 'word'): string {
  return Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
}

/** The export dialog opened on the sample's list: the whole review, every list template. */
export function exportContext(changes: Partial<ExportContext> = {}): ExportContext {
  return {
    reviewId: 1,
    review: 'United States of America, 3rd cycle',
    query: '',
    filters: [],
    found: 347,
    ids: null,
    state: null,
    states: ['France', 'Mexico'],
    statementId: null,
    templates: ['thematic', 'state', 'matrix', 'calendar'],
    template: 'thematic',
    ...changes,
  };
}

/** The request for the sample's thematic briefing in Word, with `changes` on top. */
export function exportRequest(changes: Partial<ExportRequest> = {}): ExportRequest {
  return {
    template: 'thematic',
    format: 'docx',
    review_id: 1,
    query: '',
    filters: [],
    ids: null,
    state: null,
    statement_id: null,
    ...changes,
  };
}
