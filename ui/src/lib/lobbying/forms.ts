// What the contact and meeting dialogs edit, what stops them from being saved, and what is sent
// to save them. A meeting's follow-up is a deadline in the calendar, edited as the calendar's
// deadlines are (calendar/drafts.ts).
import { addDays, isIsoDay, todayIso } from '../calendar/dates';
import {
  dayProblem,
  draftFromDeadline,
  newDraft,
  titleProblem,
  toNewDeadline,
  type DeadlineDraft,
} from '../calendar/drafts';
import { problemsOf } from '../components/problems';
import type { Contact, Meeting, NewContact, NewMeeting, StateKey } from '../ipc/types';

export const NAME_MAX = 200;

/** The reminder a follow-up starts with: the day before (minutes before the due time). */
export const FOLLOW_UP_REMINDER = 1440;

/** Days from the meeting to its follow-up, as first offered. */
export const FOLLOW_UP_DAYS = 7;

/** A contact as its dialog edits it (its State is the page's). */
export interface ContactDraft extends Omit<NewContact, 'state'> {
  /** The contact edited; null for a new one. */
  id: number | null;
}

export function contactDraft(contact: Contact | null = null): ContactDraft {
  if (!contact) {
    return { id: null, name: '', role: '', place: 'mission', email: '', phone: '', notes: '' };
  }
  const { state: _state, ...draft } = contact;
  return draft;
}

/** An e-mail address's shape: something@somewhere.tld, no spaces. */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(text);
}

export type ContactProblems = Partial<Record<'name' | 'email', string>>;

export function contactProblems(draft: Pick<ContactDraft, 'name' | 'email'>): ContactProblems {
  const name = draft.name.trim();
  const email = draft.email.trim();
  return problemsOf({
    name: !name
      ? 'Write the person’s name.'
      : name.length > NAME_MAX
        ? `The name is too long: use at most ${NAME_MAX} characters.`
        : undefined,
    email:
      email && !isEmail(email)
        ? 'This does not look like an e-mail address (name@example.org).'
        : undefined,
  });
}

export function toNewContact(state: StateKey, draft: ContactDraft): NewContact {
  return {
    state: { ...state },
    name: draft.name.trim(),
    role: draft.role.trim(),
    place: draft.place,
    email: draft.email.trim(),
    phone: draft.phone.trim(),
    notes: draft.notes,
  };
}

/** A meeting as its dialog edits it (its State is the page's). */
export interface MeetingDraft extends Pick<
  Meeting,
  'review_id' | 'date' | 'who' | 'asked' | 'outcome' | 'recommendations'
> {
  /** The meeting edited; null for a new one. */
  id: number | null;
  /** Whether it has a follow-up deadline. */
  followUp: boolean;
  /**
   * The follow-up: as the calendar has it (what the dialog does not show is kept), or the one
   * offered. Its review and recommendations are the meeting's.
   */
  deadline: DeadlineDraft;
}

/** "Follow up with France". */
export function followUpTitle(state: StateKey): string {
  return `Follow up with ${state.name}`;
}

/** A new meeting, today, about the review shown; its follow-up offered a week later. */
export function newMeetingDraft(
  state: StateKey,
  reviewId: number | null,
  today: string,
): MeetingDraft {
  return {
    id: null,
    review_id: reviewId,
    date: today,
    who: '',
    asked: '',
    outcome: '',
    recommendations: [],
    followUp: false,
    deadline: newDraft({
      review_id: reviewId,
      title: followUpTitle(state),
      due_date: addDays(today, FOLLOW_UP_DAYS),
      reminders: [FOLLOW_UP_REMINDER],
    }),
  };
}

/** A meeting to edit, with its follow-up as the calendar has it. */
export function meetingDraft(state: StateKey, meeting: Meeting): MeetingDraft {
  const from = isIsoDay(meeting.date) ? meeting.date : todayIso();
  const base = newMeetingDraft(state, meeting.review_id, from);
  return {
    ...base,
    id: meeting.id,
    date: meeting.date,
    who: meeting.who,
    asked: meeting.asked,
    outcome: meeting.outcome,
    recommendations: meeting.recommendations.map((r) => ({ ...r })),
    followUp: meeting.follow_up !== null,
    deadline: meeting.follow_up ? draftFromDeadline(meeting.follow_up) : base.deadline,
  };
}

export type MeetingProblems = Partial<Record<'date' | 'followUpTitle' | 'followUpDate', string>>;

export function meetingProblems(draft: {
  date: string;
  followUp: boolean;
  followUpTitle: string;
  followUpDate: string;
}): MeetingProblems {
  return problemsOf({
    date: dayProblem(draft.date, 'Choose the day of the meeting.'),
    followUpTitle: draft.followUp
      ? titleProblem(draft.followUpTitle, 'Write what the follow-up is.')
      : undefined,
    followUpDate: draft.followUp
      ? dayProblem(draft.followUpDate, 'Choose the day to follow up by.')
      : undefined,
  });
}

/** What is sent to save the meeting; its follow-up as a deadline of its review. */
export function toNewMeeting(state: StateKey, draft: MeetingDraft): NewMeeting {
  return {
    state: { ...state },
    review_id: draft.review_id,
    date: draft.date,
    who: draft.who.trim(),
    asked: draft.asked.trim(),
    outcome: draft.outcome.trim(),
    follow_up: draft.followUp
      ? toNewDeadline({
          ...draft.deadline,
          review_id: draft.review_id,
          event_kind: null,
          recommendations: draft.recommendations,
        })
      : null,
    recommendation_ids: draft.recommendations.map((r) => r.id),
  };
}
