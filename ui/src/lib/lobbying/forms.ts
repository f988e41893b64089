// What the contact and meeting dialogs edit, what stops them from being saved, and what is sent
// to save them. A meeting's follow-up becomes a deadline in the calendar.
import { addDays, GENEVA, isIsoDay, localZone, todayIso } from '../calendar/dates';
import { TITLE_MAX } from '../calendar/drafts';
import type {
  Contact,
  ContactPlace,
  DeadlineStatus,
  LinkedRecommendation,
  Meeting,
  NewContact,
  NewDeadline,
  NewMeeting,
  StateKey,
} from '../ipc/types';

export const NAME_MAX = 200;

/** The reminder a follow-up starts with: the day before (minutes before the due time). */
export const FOLLOW_UP_REMINDER = 1440;

/** Days from the meeting to its follow-up, as first offered. */
export const FOLLOW_UP_DAYS = 7;

export interface ContactDraft {
  /** The contact edited; null for a new one. */
  id: number | null;
  name: string;
  role: string;
  place: ContactPlace;
  email: string;
  phone: string;
  notes: string;
}

export function contactDraft(contact: Contact | null = null): ContactDraft {
  return contact
    ? {
        id: contact.id,
        name: contact.name,
        role: contact.role,
        place: contact.place,
        email: contact.email,
        phone: contact.phone,
        notes: contact.notes,
      }
    : { id: null, name: '', role: '', place: 'mission', email: '', phone: '', notes: '' };
}

/** An e-mail address's shape: something@somewhere.tld, no spaces. */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(text);
}

export type ContactProblems = Partial<Record<'name' | 'email', string>>;

export function contactProblems(draft: Pick<ContactDraft, 'name' | 'email'>): ContactProblems {
  const problems: ContactProblems = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'Write the person’s name.';
  else if (name.length > NAME_MAX) {
    problems.name = `The name is too long: use at most ${NAME_MAX} characters.`;
  }
  const email = draft.email.trim();
  if (email && !isEmail(email)) {
    problems.email = 'This does not look like an e-mail address (name@example.org).';
  }
  return problems;
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

export interface MeetingDraft {
  /** The meeting edited; null for a new one. */
  id: number | null;
  /** The review it is about (the one shown when it was logged). */
  review_id: number | null;
  date: string;
  who: string;
  asked: string;
  outcome: string;
  recommendations: LinkedRecommendation[];
  /** Whether it has a follow-up deadline. */
  followUp: boolean;
  followUpTitle: string;
  followUpDate: string;
  followUpZone: string;
  /** Reminders of the follow-up (minutes before); a new one starts with the day before. */
  followUpReminders: number[];
  /** Kept as they are when a follow-up is edited here (the calendar edits them). */
  followUpTime: string | null;
  followUpOwner: string;
  followUpStatus: DeadlineStatus;
  followUpNotes: string;
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
    followUpTitle: followUpTitle(state),
    followUpDate: addDays(today, FOLLOW_UP_DAYS),
    followUpZone: localZone(),
    followUpReminders: [FOLLOW_UP_REMINDER],
    followUpTime: null,
    followUpOwner: '',
    followUpStatus: 'to_do',
    followUpNotes: '',
  };
}

/** A meeting to edit, with its follow-up as the calendar has it. */
export function meetingDraft(state: StateKey, meeting: Meeting): MeetingDraft {
  const deadline = meeting.follow_up;
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
    ...(deadline
      ? {
          followUp: true,
          followUpTitle: deadline.title,
          followUpDate: deadline.due_date,
          followUpZone: deadline.time_zone,
          followUpReminders: [...new Set(deadline.reminders.map((r) => r.minutes_before))],
          followUpTime: deadline.due_time,
          followUpOwner: deadline.owner,
          followUpStatus: deadline.status,
          followUpNotes: deadline.notes,
        }
      : {}),
  };
}

/** The zones a follow-up can be in: Geneva's, the computer's, and the one it has. */
export function followUpZones(current: string): { value: string; label: string }[] {
  const here = localZone();
  const zones = [{ value: GENEVA, label: 'Geneva (Europe/Zurich)' }];
  if (here !== GENEVA) zones.push({ value: here, label: `This computer (${here})` });
  if (current !== GENEVA && current !== here) zones.push({ value: current, label: current });
  return zones;
}

export type MeetingProblems = Partial<Record<'date' | 'followUpTitle' | 'followUpDate', string>>;

export function meetingProblems(
  draft: Pick<MeetingDraft, 'date' | 'followUp' | 'followUpTitle' | 'followUpDate'>,
): MeetingProblems {
  const problems: MeetingProblems = {};
  if (!draft.date) problems.date = 'Choose the day of the meeting.';
  else if (!isIsoDay(draft.date)) problems.date = 'Write the day as YYYY-MM-DD.';
  if (draft.followUp) {
    const title = draft.followUpTitle.trim();
    if (!title) problems.followUpTitle = 'Write what the follow-up is.';
    else if (title.length > TITLE_MAX) {
      problems.followUpTitle = `The title is too long: use at most ${TITLE_MAX} characters.`;
    }
    if (!draft.followUpDate) problems.followUpDate = 'Choose the day to follow up by.';
    else if (!isIsoDay(draft.followUpDate)) {
      problems.followUpDate = 'Write the day as YYYY-MM-DD.';
    }
  }
  return problems;
}

/** What is sent to save the meeting; its follow-up as a deadline of its review. */
export function toNewMeeting(state: StateKey, draft: MeetingDraft): NewMeeting {
  const recommendationIds = draft.recommendations.map((r) => r.id);
  const followUp: NewDeadline | null = draft.followUp
    ? {
        review_id: draft.review_id,
        event_kind: null,
        title: draft.followUpTitle.trim(),
        due_date: draft.followUpDate,
        due_time: draft.followUpTime,
        time_zone: draft.followUpZone,
        owner: draft.followUpOwner,
        status: draft.followUpStatus,
        notes: draft.followUpNotes,
        recommendation_ids: recommendationIds,
        reminders: [...new Set(draft.followUpReminders)].sort((a, b) => b - a),
      }
    : null;
  return {
    state: { ...state },
    review_id: draft.review_id,
    date: draft.date,
    who: draft.who.trim(),
    asked: draft.asked.trim(),
    outcome: draft.outcome.trim(),
    follow_up: followUp,
    recommendation_ids: recommendationIds,
  };
}
