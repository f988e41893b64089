import { describe, expect, it } from 'vitest';
import { GENEVA, localZone, zoneChoices } from '../calendar/dates';
import { deadline } from '../../test/fixtures';
import { contact, FRANCE, meeting } from './fixtures';
import {
  contactDraft,
  contactProblems,
  followUpTitle,
  isEmail,
  meetingDraft,
  meetingProblems,
  newMeetingDraft,
  toNewContact,
  toNewMeeting,
} from './forms';

describe('contacts', () => {
  it('need a name; an e-mail, when given, must look like one', () => {
    expect(contactProblems({ name: ' ', email: '' }).name).toBe('Write the person’s name.');
    expect(contactProblems({ name: 'x'.repeat(201), email: '' }).name).toMatch(/too long/);
    expect(contactProblems({ name: 'Ana', email: '' })).toEqual({});
    expect(contactProblems({ name: 'Ana', email: 'ana@' }).email).toBeDefined();
    expect(contactProblems({ name: 'Ana', email: ' ana@mission.example ' })).toEqual({});
  });

  it('recognizes e-mail addresses', () => {
    expect(isEmail('a.b@mfa.gov.example')).toBe(true);
    expect(isEmail('a b@x.org')).toBe(false);
    expect(isEmail('ab@x')).toBe(false);
    expect(isEmail('ab@x.')).toBe(false);
    expect(isEmail('@x.org')).toBe(false);
  });

  it('are sent trimmed, for their State', () => {
    const draft = { ...contactDraft(contact()), name: ' Claire ', email: ' c@x.org ' };
    expect(toNewContact(FRANCE, draft)).toEqual({
      state: FRANCE,
      name: 'Claire',
      role: 'First Secretary, human rights',
      place: 'mission',
      email: 'c@x.org',
      phone: '+41 22 000 00 00',
      notes: '',
    });
    expect(contactDraft()).toMatchObject({ id: null, name: '', place: 'mission' });
  });
});

describe('meetings', () => {
  it('start today, with a follow-up offered a week later, reminded the day before', () => {
    const draft = newMeetingDraft(FRANCE, 3, '2021-02-26');
    expect(draft).toMatchObject({
      id: null,
      review_id: 3,
      date: '2021-02-26',
      followUp: false,
      deadline: {
        title: 'Follow up with France',
        due_date: '2021-03-05',
        time_zone: localZone(),
        reminders: [1440],
      },
    });
    expect(followUpTitle({ iso3: null, name: 'Holy See' })).toBe('Follow up with Holy See');
  });

  it('need a day, and a title and day for their follow-up', () => {
    const base = { date: '2021-02-01', followUp: false, followUpTitle: '', followUpDate: '' };
    expect(meetingProblems(base)).toEqual({});
    expect(meetingProblems({ ...base, date: '' }).date).toBe('Choose the day of the meeting.');
    expect(meetingProblems({ ...base, date: '2021-02-30' }).date).toBeDefined();
    const problems = meetingProblems({ ...base, followUp: true });
    expect(Object.keys(problems).sort()).toEqual(['followUpDate', 'followUpTitle']);
  });

  it('send their follow-up as a deadline of their review', () => {
    const base = newMeetingDraft(FRANCE, 3, '2021-02-01');
    const draft = {
      ...base,
      who: ' Claire ',
      followUp: true,
      deadline: {
        ...base.deadline,
        title: ' Send the brief ',
        time_zone: GENEVA,
        reminders: [1440, 10080, 1440],
      },
      recommendations: [{ id: 12, review_id: 3, paragraph: '26.12' }],
    };
    const sent = toNewMeeting(FRANCE, draft);
    expect(sent.who).toBe('Claire');
    expect(sent.recommendation_ids).toEqual([12]);
    expect(sent.follow_up).toEqual({
      review_id: 3,
      event_kind: null,
      title: 'Send the brief',
      due_date: '2021-02-08',
      due_time: null,
      time_zone: GENEVA,
      owner: '',
      status: 'to_do',
      notes: '',
      recommendation_ids: [12],
      reminders: [10080, 1440],
    });
    expect(toNewMeeting(FRANCE, { ...draft, followUp: false }).follow_up).toBeNull();
  });

  it('keep what the calendar set on a follow-up when edited', () => {
    const followUp = deadline({
      title: 'Send the brief',
      due_date: '2021-02-08',
      due_time: '10:00',
      time_zone: 'America/New_York',
      owner: 'Ana',
      status: 'in_progress',
      notes: 'Draft ready',
      reminders: [{ id: 1, minutes_before: 60, fires_at: '', fired_at: null, snoozed_until: null }],
    });
    const draft = meetingDraft(FRANCE, meeting({ follow_up: followUp }));
    expect(draft.followUp).toBe(true);
    const sent = toNewMeeting(FRANCE, draft).follow_up;
    expect(sent).toMatchObject({
      title: 'Send the brief',
      due_time: '10:00',
      time_zone: 'America/New_York',
      owner: 'Ana',
      status: 'in_progress',
      notes: 'Draft ready',
      reminders: [60],
    });
    expect(zoneChoices('America/New_York').map((z) => z.value)).toContain('America/New_York');
    expect(meetingDraft(FRANCE, meeting()).followUp).toBe(false);
    expect(meetingDraft(FRANCE, meeting()).deadline.due_date).toBe('2021-02-08');
  });
});
