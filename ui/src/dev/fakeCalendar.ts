// The calendar of the fake backend (see fakeBackend.ts): a plausible timeline for each review
// after the rules of ../../shared/docs/UPR.md ("Calendar rules"), the organization's deadlines with
// their reminders, and the Council's sessions with the user's corrections. Estimates are fine here:
// the real rules are crates/docket-core/src/calendar.
import {
  addDays,
  formatDay,
  GENEVA,
  isIsoDay,
  isKnownZone,
  isTime,
  todayIso,
  zonedInstant,
} from '../lib/calendar/dates';
import { deadlineOverdue } from '../lib/calendar/grouping';
import { reviewLabel } from '../lib/calendar/labels';
import type {
  CalendarEvent,
  Deadline,
  DeadlineStatus,
  DueReminder,
  EventDateEdit,
  EventKind,
  HrcSessionDates,
  IpcError,
  LinkedRecommendation,
  NewDeadline,
  Reminder,
  ReviewSummary,
} from '../lib/ipc/types';

function ipcError(kind: IpcError['kind'], message: string): IpcError {
  return { kind, message };
}

/** What the timeline needs of a review. */
export type CalendarReview = Pick<
  ReviewSummary,
  'id' | 'state_under_review' | 'sur_iso3' | 'wg_session' | 'review_date' | 'adoption_date'
>;

/** Working Group sessions (number, opens, closes): a part of Docket's table. */
const WG: [number, string, string][] = [
  [34, '2019-11-04', '2019-11-15'],
  [35, '2020-01-20', '2020-01-31'],
  [36, '2020-11-02', '2020-11-13'],
  [37, '2021-01-18', '2021-01-29'],
  [38, '2021-05-03', '2021-05-14'],
  [39, '2021-11-01', '2021-11-12'],
  [40, '2022-01-24', '2022-02-04'],
  [41, '2022-11-07', '2022-11-18'],
  [42, '2023-01-23', '2023-02-03'],
  [43, '2023-05-01', '2023-05-12'],
  [44, '2023-11-06', '2023-11-17'],
  [45, '2024-01-22', '2024-02-02'],
  [46, '2024-04-29', '2024-05-10'],
  [47, '2024-11-04', '2024-11-15'],
  [48, '2025-01-20', '2025-01-31'],
  [49, '2025-04-28', '2025-05-09'],
  [50, '2025-11-03', '2025-11-14'],
  [51, '2026-01-19', '2026-01-30'],
  [52, '2026-05-04', '2026-05-15'],
  [53, '2026-11-02', '2026-11-13'],
  [54, '2027-01-25', '2027-02-05'],
];

/** The Council's regular sessions (number, opens, closes): a part of Docket's table. */
const HRC: [number, string, string][] = [
  [43, '2020-02-24', '2020-06-22'],
  [44, '2020-06-30', '2020-07-17'],
  [45, '2020-09-14', '2020-10-07'],
  [46, '2021-02-22', '2021-03-24'],
  [47, '2021-06-21', '2021-07-14'],
  [48, '2021-09-13', '2021-10-11'],
  [49, '2022-02-28', '2022-04-01'],
  [50, '2022-06-13', '2022-07-08'],
  [51, '2022-09-12', '2022-10-07'],
  [52, '2023-02-27', '2023-04-04'],
  [53, '2023-06-19', '2023-07-14'],
  [54, '2023-09-11', '2023-10-13'],
  [55, '2024-02-26', '2024-04-05'],
  [56, '2024-06-18', '2024-07-12'],
  [57, '2024-09-09', '2024-10-11'],
  [58, '2025-02-24', '2025-04-04'],
  [59, '2025-06-16', '2025-07-09'],
  [60, '2025-09-08', '2025-10-08'],
  [61, '2026-02-23', '2026-04-02'],
  [62, '2026-06-15', '2026-07-10'],
  [63, '2026-09-14', '2026-10-09'],
];
/** Sessions listed beyond the table (estimated), for Settings. */
const HRC_ESTIMATED_UP_TO = 66;

/** The Council's three sessions a year from 2007 (session 4 = March 2007). */
type Slot = 0 | 1 | 2;

function hrcNumber(year: number, slot: Slot): number {
  return 4 + (year - 2007) * 3 + slot;
}

/** The `n`th Monday of a month (1-12). */
function nthMonday(year: number, month: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const day = new Date(`${first}T00:00:00Z`).getUTCDay();
  return addDays(first, ((8 - day) % 7) + (n - 1) * 7);
}

/** A session beyond the table: the usual months (a guess until corrected). */
function estimatedHrc(number: number): [string, string] {
  const index = number - 4;
  const year = 2007 + Math.floor(index / 3);
  const slot = index % 3;
  if (slot === 0) {
    const opens = nthMonday(year, 2, 4);
    return [opens, addDays(opens, 39)];
  }
  if (slot === 1) {
    const opens = nthMonday(year, 6, 3);
    return [opens, addDays(opens, 25)];
  }
  const opens = nthMonday(year, 9, 2);
  return [opens, addDays(opens, 30)];
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

interface Computed {
  kind: EventKind;
  date: string;
  end_date: string | null;
  title: string;
  rule: string;
  source: string;
  confirmed: boolean;
  time_zone: string | null;
}

const MINUTE = 60_000;

export interface FakeCalendarOptions {
  reviews: () => CalendarReview[];
  /** A recommendation to link; throws not_found when there is none. */
  recommendation: (id: number) => LinkedRecommendation;
  /** The fake's clock, ms. */
  now: () => number;
  /** Reminders returned once by take_missed_reminders. */
  missed?: DueReminder[];
}

export class FakeCalendar {
  readonly #options: FakeCalendarOptions;
  readonly #deadlines: Deadline[] = [];
  /** `${review}:${kind}` → the user's date. */
  readonly #edits = new Map<string, { date: string; confirmed: boolean }>();
  readonly #hrcCorrections = new Map<number, [string, string]>();
  #missed: DueReminder[];
  #nextId = 1;

  constructor(options: FakeCalendarOptions) {
    this.#options = options;
    this.#missed = options.missed ?? [];
  }

  // -- The Council's sessions ---------------------------------------------------------------------

  #hrc(number: number): HrcSessionDates {
    const corrected = this.#hrcCorrections.get(number);
    const row = HRC.find(([n]) => n === number);
    const [opens, closes] = corrected ?? (row ? [row[1], row[2]] : estimatedHrc(number));
    return {
      number,
      opens,
      closes,
      edited: corrected !== undefined,
      estimated: !row && !corrected,
    };
  }

  hrcSessions(): HrcSessionDates[] {
    const numbers = new Set<number>(HRC.map(([n]) => n));
    for (let n = (HRC.at(-1)?.[0] ?? 0) + 1; n <= HRC_ESTIMATED_UP_TO; n++) numbers.add(n);
    for (const n of this.#hrcCorrections.keys()) numbers.add(n);
    return [...numbers].sort((a, b) => a - b).map((n) => this.#hrc(n));
  }

  setHrcSession(number: number, opens: string, closes: string): HrcSessionDates[] {
    if (!Number.isInteger(number) || number < 1) {
      throw ipcError('invalid_input', 'Choose a Council session by its number, e.g. 58.');
    }
    if (!isIsoDay(opens) || !isIsoDay(closes)) {
      throw ipcError(
        'invalid_input',
        'Write both days as YYYY-MM-DD, or choose them in the calendar.',
      );
    }
    if (closes < opens) {
      throw ipcError(
        'invalid_input',
        'The session cannot close before it opens. Check the two days.',
      );
    }
    this.#hrcCorrections.set(number, [opens, closes]);
    return this.hrcSessions();
  }

  resetHrcSession(number: number): HrcSessionDates[] {
    this.#hrcCorrections.delete(number);
    return this.hrcSessions();
  }

  // -- Computed dates -----------------------------------------------------------------------------

  #review(id: number): CalendarReview {
    const review = this.#options.reviews().find((r) => r.id === id);
    if (!review)
      throw ipcError('not_found', 'This review is no longer in Docket. Choose another review.');
    return review;
  }

  #uid(review: CalendarReview, kind: EventKind): string {
    const who = (review.sur_iso3 ?? review.state_under_review).toLowerCase().replace(/\W+/g, '-');
    const when = review.wg_session !== null ? `wg${review.wg_session}` : (review.review_date ?? '');
    return `upr-${who}-${when}-${kind.replace(/_/g, '-')}@docket`;
  }

  /** The rules' dates for a review (the user's review day counts as its review day). */
  #timeline(review: CalendarReview): Computed[] {
    const wg = WG.find(([n]) => n === review.wg_session);
    const edited = this.#edits.get(`${review.id}:review`)?.date;
    const day = edited ?? review.review_date;
    const start = day ?? wg?.[1];
    if (!start) return [];
    const state = review.state_under_review;
    const session = review.wg_session !== null ? ` (WG ${review.wg_session})` : '';
    const events: Computed[] = [];
    events.push({
      kind: 'review',
      date: start,
      end_date: day ? null : (wg?.[2] ?? null),
      title: `Review of ${state}${session}`,
      rule: day
        ? 'The day of the interactive dialogue in the Working Group'
        : 'The Working Group session (the day of the review is not known yet)',
      source: 'OHCHR, UPR sessions',
      confirmed: review.review_date !== null && !edited,
      time_zone: GENEVA,
    });

    const [year, month] = start.split('-').map(Number) as [number, number];
    const slot: Slot = month <= 3 ? 1 : month <= 6 ? 2 : 0;
    const hrcYear = slot === 0 ? year + 1 : year;
    const hrc = this.#hrc(hrcNumber(hrcYear, slot));
    const at = ` (HRC ${hrc.number})`;
    const estimated = hrc.estimated ? ', estimated' : '';
    const opens = `the Council's ${hrc.number}th session (opens ${formatDay(hrc.opens)}${estimated})`;
    const sessionRule =
      'WG in January/February → June session; May → September; October/November → March of the next year';
    events.push({
      kind: 'written_statement_due',
      date: addDays(hrc.opens, -14),
      end_date: null,
      title: `NGO written statements due${at}`,
      rule: `2 weeks before ${opens}; ECOSOC-accredited NGOs only, at most 2,000 words`,
      source: 'OHCHR, HRC NGO guidelines',
      confirmed: false,
      time_zone: GENEVA,
    });
    const opensDay = new Date(`${hrc.opens}T00:00:00Z`).getUTCDay();
    events.push({
      kind: 'speakers_list_opens',
      date: addDays(hrc.opens, -((opensDay + 2) % 7 || 7)),
      end_date: null,
      title: `Speakers list registration opens${at}`,
      rule: `The Friday before ${opens}; first come, first served, 10 NGO slots per outcome`,
      source: 'UPR Info, “NGOs register for speakers list” (2012 modalities)',
      confirmed: false,
      time_zone: GENEVA,
    });
    events.push({
      kind: 'responses_due',
      date: hrc.opens,
      end_date: null,
      title: `${state}'s responses to the recommendations due`,
      rule: `No later than the adoption session: the first day of ${opens}`,
      source: 'The Working Group report (“no later than the Nth session”)',
      confirmed: false,
      time_zone: GENEVA,
    });
    events.push({
      kind: 'adoption',
      date: review.adoption_date ?? addDays(hrc.opens, 23),
      end_date: null,
      title: `Adoption of the outcome${at}`,
      rule: review.adoption_date
        ? `The adoption day of the review's record, at ${opens}`
        : `During ${opens}, usually in its fourth week (${sessionRule})`,
      source: 'HRC resolution 16/21; UPR Info session news',
      confirmed: review.adoption_date !== null,
      time_zone: GENEVA,
    });
    events.push({
      kind: 'mid_term',
      date: addMonths(start, 27),
      end_date: null,
      title: 'Mid-term report (voluntary)',
      rule: 'About 2 to 2½ years after the review',
      source: 'UPR Info',
      confirmed: false,
      time_zone: null,
    });
    const fiveYears = addMonths(start, 60);
    const next = WG.find(
      ([, o]) => Math.abs(new Date(o).getTime() - new Date(fiveYears).getTime()) < 62 * 86_400_000,
    );
    const nextDay =
      next?.[1] ?? nthMonday(Number(fiveYears.slice(0, 4)), Number(fiveYears.slice(5, 7)), 1);
    events.push({
      kind: 'next_submission_due',
      date: addMonths(nextDay, -6),
      end_date: null,
      title: 'Stakeholder submissions due for the next review',
      rule: 'About 6 months before the next review (OHCHR publishes the exact day per session)',
      source: 'OHCHR technical guidelines for stakeholders, 3rd cycle',
      confirmed: false,
      time_zone: null,
    });
    events.push({
      kind: 'next_review',
      date: nextDay,
      end_date: null,
      title: next ? `Next review (WG ${next[0]})` : 'Next review',
      rule: 'One cycle later, in the same Working Group session slot (about 4½ to 5 years)',
      source: 'HRC resolution 16/21',
      confirmed: false,
      time_zone: GENEVA,
    });
    return events;
  }

  #computedEvents(review: CalendarReview): CalendarEvent[] {
    return this.#timeline(review).map((c): CalendarEvent => {
      const edit = this.#edits.get(`${review.id}:${c.kind}`);
      return {
        uid: this.#uid(review, c.kind),
        kind: c.kind,
        review_id: review.id,
        review: reviewLabel(review),
        title: c.title,
        date: edit?.date ?? c.date,
        end_date: edit ? null : c.end_date,
        time: null,
        time_zone: c.time_zone,
        confirmed: edit ? edit.confirmed : c.confirmed,
        edited: edit !== undefined,
        rule: c.rule,
        source: c.source,
        rule_date: edit ? c.date : null,
        deadline: null,
        overdue: false,
        reminder_due: false,
      };
    });
  }

  setEventDate(edit: EventDateEdit): void {
    const review = this.#review(edit.review_id);
    if (edit.kind === 'custom') {
      throw ipcError('invalid_input', 'A deadline is changed in its own dialog, not here.');
    }
    if (!isIsoDay(edit.date)) {
      throw ipcError('invalid_input', 'Write the day as YYYY-MM-DD, or choose it in the calendar.');
    }
    if (!this.#timeline(review).some((c) => c.kind === edit.kind)) {
      throw ipcError(
        'invalid_input',
        'Docket has no such date for this review: it needs its session or its day.',
      );
    }
    this.#edits.set(`${edit.review_id}:${edit.kind}`, {
      date: edit.date,
      confirmed: edit.confirmed,
    });
  }

  resetEventDate(reviewId: number, kind: EventKind): void {
    this.#review(reviewId);
    this.#edits.delete(`${reviewId}:${kind}`);
  }

  // -- Deadlines ----------------------------------------------------------------------------------

  #deadline(id: number): Deadline {
    const deadline = this.#deadlines.find((d) => d.id === id);
    if (!deadline) {
      throw ipcError(
        'not_found',
        'This deadline is no longer in Docket. It may have been deleted.',
      );
    }
    return deadline;
  }

  /** When it is due (whole days: 09:00, for reminders), ms. */
  #dueAt(deadline: Pick<Deadline, 'due_date' | 'due_time' | 'time_zone'>): number {
    return zonedInstant(deadline.due_date, deadline.due_time ?? '09:00', deadline.time_zone);
  }

  #firesAt(reminder: Reminder): number {
    return Date.parse(reminder.snoozed_until ?? reminder.fires_at);
  }

  #reminderDue(deadline: Deadline, now: number): boolean {
    return deadline.status !== 'done' && deadline.reminders.some((r) => this.#firesAt(r) <= now);
  }

  #event(deadline: Deadline, now: number): CalendarEvent {
    const review = this.#options.reviews().find((r) => r.id === deadline.review_id);
    return {
      uid: deadline.uid,
      kind: 'custom',
      review_id: deadline.review_id,
      review: review ? reviewLabel(review) : null,
      title: deadline.title,
      date: deadline.due_date,
      end_date: null,
      time: deadline.due_time,
      time_zone: deadline.time_zone,
      confirmed: false,
      edited: false,
      rule: 'Your deadline',
      source: '',
      rule_date: null,
      deadline: structuredClone(deadline),
      overdue: deadlineOverdue(deadline, new Date(now)),
      reminder_due: this.#reminderDue(deadline, now),
    };
  }

  saveDeadline(id: number | null, input: NewDeadline): Deadline {
    const title = input.title.trim();
    if (!title) throw ipcError('invalid_input', 'Write what is due, then save again.');
    if (title.length > 200) {
      throw ipcError('invalid_input', 'The title is too long: use at most 200 characters.');
    }
    if (!isIsoDay(input.due_date)) {
      throw ipcError('invalid_input', 'The due day must be written YYYY-MM-DD. Choose it again.');
    }
    if (input.due_time !== null && !isTime(input.due_time)) {
      throw ipcError(
        'invalid_input',
        'The time must be written HH:MM, or left empty for the whole day.',
      );
    }
    if (!isKnownZone(input.time_zone)) {
      throw ipcError(
        'invalid_input',
        `Docket does not know the time zone “${input.time_zone}”. Choose Geneva or this computer's zone.`,
      );
    }
    if (input.reminders.some((m) => !Number.isInteger(m) || m < 0 || m > 60 * 24 * 366)) {
      throw ipcError(
        'invalid_input',
        'A reminder must be between the due time and a year before it.',
      );
    }
    if (input.review_id !== null) this.#review(input.review_id);
    const recommendations = [...new Set(input.recommendation_ids)].map((rid) =>
      this.#options.recommendation(rid),
    );
    const old = id === null ? null : this.#deadline(id);
    const now = new Date(this.#options.now()).toISOString();
    const deadline: Deadline = {
      id: old?.id ?? this.#nextId++,
      uid: old?.uid ?? `deadline-${this.#nextId++}@docket`,
      review_id: input.review_id,
      event_kind: input.event_kind,
      title,
      due_date: input.due_date,
      due_time: input.due_time,
      time_zone: input.time_zone,
      owner: input.owner.trim(),
      status: input.status,
      notes: input.notes,
      recommendations,
      reminders: [],
      created_at: old?.created_at ?? now,
      updated_at: now,
    };
    const dueAt = this.#dueAt(deadline);
    deadline.reminders = [...new Set(input.reminders)]
      .sort((a, b) => b - a)
      .map((minutes): Reminder => {
        const fires_at = new Date(dueAt - minutes * MINUTE).toISOString();
        const kept = old?.reminders.find((r) => r.minutes_before === minutes);
        if (kept && kept.fires_at === fires_at) return kept;
        return {
          id: kept?.id ?? this.#nextId++,
          minutes_before: minutes,
          fires_at,
          fired_at: null,
          snoozed_until: null,
        };
      });
    if (old) this.#deadlines.splice(this.#deadlines.indexOf(old), 1, deadline);
    else this.#deadlines.push(deadline);
    return structuredClone(deadline);
  }

  setDeadlineStatus(id: number, status: DeadlineStatus): Deadline {
    if (!['to_do', 'in_progress', 'done'].includes(status)) {
      throw ipcError(
        'invalid_input',
        `“${String(status)}” is not a status: use to do, in progress or done.`,
      );
    }
    const deadline = this.#deadline(id);
    deadline.status = status;
    deadline.updated_at = new Date(this.#options.now()).toISOString();
    return structuredClone(deadline);
  }

  deleteDeadline(id: number): void {
    this.#deadlines.splice(this.#deadlines.indexOf(this.#deadline(id)), 1);
  }

  recommendationDeadlines(recommendationId: number): Deadline[] {
    return structuredClone(
      this.#deadlines
        .filter((d) => d.recommendations.some((r) => r.id === recommendationId))
        .sort((a, b) => this.#dueAt(a) - this.#dueAt(b)),
    );
  }

  // -- The calendar -------------------------------------------------------------------------------

  calendar(reviewId: number | null): CalendarEvent[] {
    const now = this.#options.now();
    const reviews = reviewId === null ? this.#options.reviews() : [this.#review(reviewId)];
    const events = [
      ...reviews.flatMap((r) => this.#computedEvents(r)),
      ...this.#deadlines
        .filter((d) => reviewId === null || d.review_id === reviewId)
        .map((d) => this.#event(d, now)),
    ];
    return events.sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        (a.time ?? '').localeCompare(b.time ?? '') ||
        a.title.localeCompare(b.title),
    );
  }

  /** The number of events an export of `reviewId` holds (it checks the review exists). */
  count(reviewId: number | null): number {
    return this.calendar(reviewId).length;
  }

  // -- Reminders ----------------------------------------------------------------------------------

  #due(deadline: Deadline, reminder: Reminder, now: number): DueReminder {
    const review = this.#options.reviews().find((r) => r.id === deadline.review_id);
    return {
      reminder_id: reminder.id,
      deadline_id: deadline.id,
      title: deadline.title,
      due_date: deadline.due_date,
      due_time: deadline.due_time,
      time_zone: deadline.time_zone,
      review: review ? reviewLabel(review) : null,
      fires_at: reminder.snoozed_until ?? reminder.fires_at,
      overdue: deadlineOverdue(deadline, new Date(now)),
    };
  }

  /** Reminders that have come due and were not shown yet: marked shown, and returned. */
  fireDue(): DueReminder[] {
    const now = this.#options.now();
    const due: DueReminder[] = [];
    for (const deadline of this.#deadlines) {
      if (deadline.status === 'done') continue;
      for (const reminder of deadline.reminders) {
        if (reminder.fired_at === null && this.#firesAt(reminder) <= now) {
          reminder.fired_at = new Date(now).toISOString();
          due.push(this.#due(deadline, reminder, now));
        }
      }
    }
    return due;
  }

  /** What came due while "closed": given once (the option's, else those due now). */
  takeMissed(): DueReminder[] {
    const missed = this.#missed;
    this.#missed = [];
    return structuredClone(missed);
  }

  snooze(id: number, minutes: number): void {
    if (!Number.isInteger(minutes) || minutes <= 0) {
      throw ipcError('invalid_input', 'Snooze for a number of minutes, e.g. 60.');
    }
    const reminder = this.#deadlines.flatMap((d) => d.reminders).find((r) => r.id === id);
    if (!reminder) throw ipcError('not_found', 'This reminder is no longer in Docket.');
    reminder.snoozed_until = new Date(this.#options.now() + minutes * MINUTE).toISOString();
    reminder.fired_at = null;
  }

  /** The reminders of a deadline, as stored (for tests). */
  reminders(deadlineId: number): Reminder[] {
    return structuredClone(this.#deadline(deadlineId).reminders);
  }

  /** A few deadlines around today, so that `npm run dev` shows every state. */
  seedDemo(): void {
    const today = todayIso(new Date(this.#options.now()));
    const reviews = this.#options.reviews();
    const first = reviews[0]?.id ?? null;
    const second = reviews[1]?.id ?? first;
    const link = (ids: number[]) => {
      try {
        return ids.map((id) => this.#options.recommendation(id).id);
      } catch {
        return [];
      }
    };
    const base = {
      event_kind: null,
      due_time: null,
      time_zone: GENEVA,
      owner: '',
      status: 'to_do' as DeadlineStatus,
      notes: '',
      recommendation_ids: [],
      reminders: [1440],
    };
    this.saveDeadline(null, {
      ...base,
      review_id: first,
      title: 'Brief the delegations on the noted recommendations',
      due_date: addDays(today, -3),
      owner: 'Ana',
      recommendation_ids: link([2, 10]),
    });
    this.saveDeadline(null, {
      ...base,
      review_id: first,
      title: 'Draft our mid-term shadow report',
      due_date: addDays(today, 5),
      due_time: '12:00',
      owner: 'Ben',
      status: 'in_progress',
      reminders: [10080, 1440],
    });
    this.saveDeadline(null, {
      ...base,
      review_id: second,
      event_kind: 'next_submission_due',
      title: 'Send our submission for the next review',
      due_date: addDays(today, 40),
      reminders: [10080],
    });
    const done = this.saveDeadline(null, {
      ...base,
      review_id: first,
      title: 'Share the outcome with our partners',
      due_date: addDays(today, -20),
      reminders: [],
    });
    this.setDeadlineStatus(done.id, 'done');
    // What came due "while Docket was closed": listed once at start.
    this.#missed = this.fireDue();
  }
}
