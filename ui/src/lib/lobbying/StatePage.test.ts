// A State's page with a stubbed backend: contacts (added, checked, deleted) and meetings (logged
// with a follow-up for the calendar, edited, deleted).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../ipc/api';
import type { NewMeeting, StatePage as Page } from '../ipc/types';
import { deadline, newDeadline } from '../../test/fixtures';
import { advocacyEvents } from '../../test/mocks';
import { contact, FRANCE, meeting, page } from './fixtures';
import StatePage from './StatePage.svelte';

vi.mock('../ipc/api', () => import('../../test/mocks').then((m) => m.lobbyingApi()));

const statePage = vi.mocked(api.statePage);
const saveContact = vi.mocked(api.saveContact);
const deleteContact = vi.mocked(api.deleteContact);
const saveMeeting = vi.mocked(api.saveMeeting);
const deleteMeeting = vi.mocked(api.deleteMeeting);

async function setup(data: Page = page()) {
  statePage.mockResolvedValue(data);
  const props = {
    stateKey: FRANCE,
    reviewId: 3,
    calendarVersion: 1,
    today: '2021-02-01',
    now: new Date('2021-03-01T12:00:00Z'),
    onback: vi.fn(),
    ...advocacyEvents(),
  };
  render(StatePage, props);
  await screen.findByTestId('state-contacts');
  return { props, user: userEvent.setup() };
}

beforeEach(() => {
  statePage.mockReset();
  saveContact.mockReset();
  saveContact.mockImplementation(async (id, c) => ({ ...c, id: id ?? 77 }));
  deleteContact.mockReset();
  deleteContact.mockResolvedValue(undefined);
  saveMeeting.mockReset();
  deleteMeeting.mockReset();
  deleteMeeting.mockResolvedValue(undefined);
});

describe('StatePage contacts', () => {
  it('says contacts stay on this computer', async () => {
    await setup();
    expect(screen.getByTestId('state-contacts')).toHaveTextContent('Kept only on this computer.');
  });

  it('adds a contact with the form’s values', async () => {
    const { props, user } = await setup();
    await user.click(screen.getByTestId('contact-add'));
    expect(screen.getByTestId('contact-name')).toHaveFocus();

    // The name is required.
    await user.click(screen.getByTestId('contact-save'));
    expect(screen.getByTestId('contact-name-problem')).toHaveTextContent(
      'Write the person’s name.',
    );
    expect(saveContact).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('contact-name'), '  Jean Dupont ');
    await user.type(screen.getByTestId('contact-role'), 'Counsellor');
    await user.selectOptions(screen.getByTestId('contact-place'), 'capital');
    // An e-mail, when given, must look like one.
    await user.type(screen.getByTestId('contact-email'), 'jean.dupont');
    await user.click(screen.getByTestId('contact-save'));
    expect(screen.getByTestId('contact-email-problem')).toBeInTheDocument();
    expect(screen.getByTestId('contact-email')).toHaveFocus();
    expect(saveContact).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('contact-email'), '@diplomatie.example');
    await user.type(screen.getByTestId('contact-phone'), '+33 1 00 00 00 00');
    await user.type(screen.getByTestId('contact-notes'), 'Met at HRC 46');
    statePage.mockResolvedValue(page({ contacts: [contact({ id: 77, name: 'Jean Dupont' })] }));
    await user.click(screen.getByTestId('contact-save'));

    await waitFor(() => expect(saveContact).toHaveBeenCalledTimes(1));
    expect(saveContact).toHaveBeenCalledWith(null, {
      state: FRANCE,
      name: 'Jean Dupont',
      role: 'Counsellor',
      place: 'capital',
      email: 'jean.dupont@diplomatie.example',
      phone: '+33 1 00 00 00 00',
      notes: 'Met at HRC 46',
    });
    await waitFor(() => expect(screen.queryByTestId('contact-dialog')).not.toBeInTheDocument());
    expect(props.onstatus).toHaveBeenCalledWith('Contact added: Jean Dupont.');
    await waitFor(() => expect(screen.getAllByTestId('contact')).toHaveLength(1));
  });

  it('shows, edits and deletes a contact after asking', async () => {
    const { user } = await setup(page({ contacts: [contact()] }));
    const card = screen.getByTestId('contact');
    expect(card).toHaveTextContent('Claire Martin');
    expect(card).toHaveTextContent('Mission in Geneva');
    expect(within(card).getByTestId('contact-email-link')).toHaveAttribute(
      'href',
      'mailto:claire.martin@example.org',
    );

    await user.click(within(card).getByTestId('contact-edit'));
    expect(screen.getByTestId('contact-name')).toHaveValue('Claire Martin');
    await user.clear(screen.getByTestId('contact-role'));
    await user.type(screen.getByTestId('contact-role'), 'Deputy Ambassador');
    await user.click(screen.getByTestId('contact-save'));
    await waitFor(() => expect(saveContact).toHaveBeenCalledTimes(1));
    expect(saveContact.mock.calls[0]?.[0]).toBe(5);
    expect(saveContact.mock.calls[0]?.[1].role).toBe('Deputy Ambassador');

    await user.click(within(screen.getByTestId('contact')).getByTestId('contact-delete'));
    expect(deleteContact).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('contact-delete-confirm'));
    await waitFor(() => expect(deleteContact).toHaveBeenCalledWith(5));
  });
});

describe('StatePage meetings', () => {
  it('logs a meeting with a follow-up for the calendar', async () => {
    saveMeeting.mockImplementation(async (_id, m) =>
      meeting({
        id: 31,
        date: m.date,
        follow_up: deadline({ id: 8, title: m.follow_up?.title ?? '', due_date: '2021-02-08' }),
      }),
    );
    const { props, user } = await setup(page({ contacts: [contact()] }));
    await user.click(screen.getByTestId('meeting-add'));
    expect(screen.getByTestId('meeting-date')).toHaveValue('2021-02-01');
    expect(screen.getByTestId('meeting-date')).toHaveFocus();

    await user.type(screen.getByTestId('meeting-who'), 'Claire Martin');
    await user.type(screen.getByTestId('meeting-asked'), 'Raise the death penalty');
    await user.type(screen.getByTestId('meeting-outcome'), 'Will consult Paris');
    const recs = screen.getAllByTestId('meeting-rec');
    await user.click(recs.find((r) => r.dataset['id'] === '12') as HTMLElement);

    expect(screen.queryByTestId('follow-up-title')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('meeting-follow-up'));
    expect(screen.getByTestId('follow-up-title')).toHaveValue('Follow up with France');
    expect(screen.getByTestId('follow-up-date')).toHaveValue('2021-02-08');
    expect(screen.getByTestId('follow-up-reminder')).toBeChecked();
    await user.selectOptions(screen.getByTestId('follow-up-zone'), 'Europe/Zurich');
    await user.click(screen.getByTestId('meeting-save'));

    await waitFor(() => expect(saveMeeting).toHaveBeenCalledTimes(1));
    const [id, sent] = saveMeeting.mock.calls[0] as [number | null, NewMeeting];
    expect(id).toBeNull();
    expect(sent).toEqual({
      state: FRANCE,
      review_id: 3,
      date: '2021-02-01',
      who: 'Claire Martin',
      asked: 'Raise the death penalty',
      outcome: 'Will consult Paris',
      recommendation_ids: [12],
      follow_up: newDeadline({
        review_id: 3,
        title: 'Follow up with France',
        due_date: '2021-02-08',
        owner: '',
        recommendation_ids: [12],
        reminders: [1440],
      }),
    });
    await waitFor(() => expect(props.oncalendarchanged).toHaveBeenCalledTimes(1));
    expect(props.onstatus).toHaveBeenCalledWith(
      'Meeting logged. Follow-up “Follow up with France” is in the calendar for 8 Feb 2021.',
    );
    expect(screen.queryByTestId('meeting-dialog')).not.toBeInTheDocument();
  });

  it('logs a meeting without a follow-up: the calendar is left alone', async () => {
    saveMeeting.mockImplementation(async () => meeting({ id: 32 }));
    const { props, user } = await setup();
    await user.click(screen.getByTestId('meeting-add'));
    // The day is required.
    await user.clear(screen.getByTestId('meeting-date'));
    await user.click(screen.getByTestId('meeting-save'));
    expect(screen.getByTestId('meeting-date-problem')).toBeInTheDocument();
    expect(saveMeeting).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('meeting-date'), '2021-01-20');
    await user.click(screen.getByTestId('meeting-save'));
    await waitFor(() => expect(saveMeeting).toHaveBeenCalledTimes(1));
    expect(saveMeeting.mock.calls[0]?.[1].follow_up).toBeNull();
    expect(saveMeeting.mock.calls[0]?.[1].date).toBe('2021-01-20');
    expect(props.oncalendarchanged).not.toHaveBeenCalled();
    expect(props.onstatus).toHaveBeenCalledWith('Meeting logged.');
  });

  it('lists meetings newest first, with overdue follow-ups marked', async () => {
    const overdue = deadline({ id: 8, title: 'Send the brief', due_date: '2021-02-08' });
    const done = deadline({ id: 9, title: 'Call back', due_date: '2021-01-10', status: 'done' });
    const later = deadline({ id: 10, title: 'Thank them', due_date: '2021-04-01' });
    const { props, user } = await setup(
      page({
        meetings: [
          meeting({ id: 1, date: '2021-01-05', follow_up: done }),
          meeting({ id: 3, date: '2021-02-20', follow_up: later, recommendations: [] }),
          meeting({ id: 2, date: '2021-02-01', follow_up: overdue }),
        ],
      }),
    );
    const items = screen.getAllByTestId('meeting');
    expect(items.map((m) => m.dataset['id'])).toEqual(['3', '2', '1']);
    expect(items[0]).toHaveTextContent('20 Feb 2021');
    expect(within(items[0] as HTMLElement).queryByTestId('meeting-overdue')).toBeNull();
    expect(within(items[1] as HTMLElement).getByTestId('meeting-follow-up-line')).toHaveTextContent(
      'Send the brief, by 8 Feb 2021',
    );
    expect(within(items[1] as HTMLElement).getByTestId('meeting-overdue')).toBeInTheDocument();
    expect(within(items[2] as HTMLElement).queryByTestId('meeting-overdue')).toBeNull();
    expect(items[2]).toHaveTextContent('Done');

    await user.click(within(items[1] as HTMLElement).getByTestId('meeting-rec-link'));
    expect(props.onopenrecommendation).toHaveBeenCalledWith(12);
  });

  it('edits a meeting’s follow-up, and removing it tells the calendar', async () => {
    const followUp = deadline({
      id: 8,
      title: 'Send the brief',
      due_date: '2021-02-08',
      owner: 'Ana',
      reminders: [
        { id: 1, minutes_before: 10080, fires_at: '', fired_at: null, snoozed_until: null },
      ],
    });
    saveMeeting.mockImplementation(async () => meeting({ id: 2 }));
    const { props, user } = await setup(
      page({ meetings: [meeting({ id: 2, follow_up: followUp })] }),
    );
    await user.click(screen.getByTestId('meeting-edit'));
    expect(screen.getByTestId('meeting-follow-up')).toBeChecked();
    expect(screen.getByTestId('follow-up-title')).toHaveValue('Send the brief');
    expect(screen.getByTestId('follow-up-reminder')).not.toBeChecked();
    await user.click(screen.getByTestId('meeting-follow-up'));
    expect(screen.getByTestId('follow-up-removed')).toBeInTheDocument();
    await user.click(screen.getByTestId('meeting-save'));

    await waitFor(() => expect(saveMeeting).toHaveBeenCalledTimes(1));
    expect(saveMeeting.mock.calls[0]?.[0]).toBe(2);
    expect(saveMeeting.mock.calls[0]?.[1].follow_up).toBeNull();
    expect(saveMeeting.mock.calls[0]?.[1].recommendation_ids).toEqual([12]);
    await waitFor(() => expect(props.oncalendarchanged).toHaveBeenCalledTimes(1));
  });

  it('deletes a meeting after asking, and its follow-up from the calendar', async () => {
    const followUp = deadline({ id: 8, due_date: '2021-02-08' });
    const { props, user } = await setup(
      page({ meetings: [meeting({ id: 2, follow_up: followUp })] }),
    );
    await user.click(screen.getByTestId('meeting-delete'));
    expect(screen.getByTestId('state-meetings')).toHaveTextContent(
      'Delete this meeting and its follow-up in the calendar?',
    );
    await user.click(screen.getByTestId('meeting-delete-confirm'));
    await waitFor(() => expect(deleteMeeting).toHaveBeenCalledWith(2));
    await waitFor(() => expect(props.oncalendarchanged).toHaveBeenCalledTimes(1));
  });

  it('says why a meeting could not be saved, in the dialog', async () => {
    saveMeeting.mockRejectedValue({ kind: 'invalid_input', message: 'The date is not valid.' });
    const { props, user } = await setup();
    await user.click(screen.getByTestId('meeting-add'));
    await user.click(screen.getByTestId('meeting-save'));
    expect(await screen.findByTestId('meeting-error')).toHaveTextContent('The date is not valid.');
    expect(screen.getByTestId('meeting-dialog')).toBeInTheDocument();
    expect(props.oncalendarchanged).not.toHaveBeenCalled();
  });
});
