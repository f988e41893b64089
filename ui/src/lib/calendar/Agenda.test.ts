import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Agenda from './Agenda.svelte';
import { computed, deadline, deadlineEvent, speakersList } from '../../test/fixtures';

const TODAY = '2021-03-01';

const adoption = computed({ kind: 'adoption', date: '2021-03-17', confirmed: true });
const speakers = speakersList();
const responses = computed({
  kind: 'responses_due',
  title: 'Responses due',
  date: '2021-03-04',
  edited: true,
  rule_date: '2021-02-22',
});
const statement = deadline({
  id: 1,
  title: 'Send our written statement',
  due_date: '2021-02-08',
  owner: 'Ana',
  recommendations: [{ id: 10, review_id: 1, paragraph: '26.10' }],
});
const call = deadline({
  id: 2,
  title: 'Call the mission',
  due_date: '2021-03-04',
  due_time: '12:00',
  status: 'in_progress',
});
const done = deadline({ id: 3, title: 'Old task', due_date: '2021-01-04', status: 'done' });

const EVENTS = [
  speakers,
  adoption,
  responses,
  deadlineEvent(statement, { overdue: true, reminder_due: true }),
  deadlineEvent(call),
  deadlineEvent(done),
];

function renderAgenda(allReviews = false) {
  const props = {
    events: EVENTS,
    today: TODAY,
    allReviews,
    oneditevent: vi.fn(),
    onaddtask: vi.fn(),
    onopendeadline: vi.fn(),
    ondone: vi.fn(),
  };
  render(Agenda, { props });
  return { props, user: userEvent.setup() };
}

function item(uid: string): HTMLElement {
  const found = screen
    .getAllByTestId('agenda-item')
    .find((el) => el.getAttribute('data-uid') === uid);
  if (!found) throw new Error(`no agenda item ${uid}`);
  return found;
}

function section(name: string): HTMLElement {
  const found = screen
    .getAllByTestId('agenda-section')
    .find((el) => el.getAttribute('data-section') === name);
  if (!found) throw new Error(`no section ${name}`);
  return found;
}

describe('Agenda', () => {
  it('shows the adoption’s day as UN documents write it, confirmed', () => {
    renderAgenda();
    const adopted = item(adoption.uid);
    expect(adopted).toHaveAttribute('data-kind', 'adoption');
    expect(adopted).toHaveAttribute('data-date', '2021-03-17');
    expect(adopted).toHaveTextContent('17 Mar 2021');
    expect(within(adopted).getByTestId('badge-confirmed')).toHaveTextContent('Confirmed');
    expect(within(adopted).queryByTestId('badge-estimated')).not.toBeInTheDocument();
  });

  it('groups overdue, upcoming, past and done, each in its order', () => {
    renderAgenda();
    const uids = (name: string) =>
      within(section(name))
        .getAllByTestId('agenda-item')
        .map((el) => el.getAttribute('data-uid'));
    expect(uids('overdue')).toEqual([statement.uid]);
    expect(uids('upcoming')).toEqual([responses.uid, call.uid, adoption.uid]);
    expect(uids('past')).toEqual([speakers.uid]);
    expect(uids('done')).toEqual([done.uid]);
  });

  it('marks an estimated date with its rule, an edited one with the rule’s date', async () => {
    const { user } = renderAgenda();
    const estimated = within(item(speakers.uid)).getByTestId('badge-estimated');
    expect(estimated).toHaveTextContent('Estimated');
    expect(estimated).toHaveAttribute('title', expect.stringContaining('The Friday before'));

    await user.click(within(item(speakers.uid)).getByTestId('event-details-toggle'));
    const details = within(item(speakers.uid)).getByTestId('event-details');
    expect(details).toHaveTextContent('UPR Info, “NGOs register for speakers list”');

    const edited = within(item(responses.uid)).getByTestId('badge-edited');
    expect(edited).toHaveAttribute('title', expect.stringContaining('22 Feb 2021'));
    expect(within(item(responses.uid)).queryByTestId('badge-estimated')).not.toBeInTheDocument();
  });

  it('shows a deadline’s time in Geneva, its owner, its paragraphs, overdue and reminder due', () => {
    renderAgenda();
    expect(item(call.uid)).toHaveTextContent('4 Mar 2021, 12:00 Geneva');
    expect(item(call.uid)).toHaveTextContent('In progress');
    const late = item(statement.uid);
    expect(within(late).getByTestId('badge-overdue')).toHaveTextContent('Overdue');
    expect(within(late).getByTestId('badge-due')).toHaveTextContent('Reminder due');
    expect(within(late).getByTestId('agenda-owner')).toHaveTextContent('Owner: Ana');
    expect(within(late).getByTestId('deadline-linked')).toHaveTextContent('26.10');
    expect(within(item(done.uid)).queryByTestId('badge-overdue')).not.toBeInTheDocument();
  });

  it('ticks a deadline done, opens it, edits a date and adds a task', async () => {
    const { props, user } = renderAgenda();
    await user.click(within(item(statement.uid)).getByTestId('deadline-done'));
    expect(props.ondone).toHaveBeenCalledWith(statement, true);
    await user.click(within(item(done.uid)).getByTestId('deadline-done'));
    expect(props.ondone).toHaveBeenLastCalledWith(done, false);

    within(item(call.uid)).getByTestId('deadline-open').focus();
    await user.keyboard('{Enter}');
    expect(props.onopendeadline).toHaveBeenCalledWith(call);

    await user.click(within(item(adoption.uid)).getByTestId('event-edit'));
    expect(props.oneditevent).toHaveBeenCalledWith(adoption);
    await user.click(within(item(adoption.uid)).getByTestId('event-add-task'));
    expect(props.onaddtask).toHaveBeenCalledWith(adoption);
  });

  it('names the review and folds the past dates away for all reviews', async () => {
    const { user } = renderAgenda(true);
    expect(within(item(adoption.uid)).getByTestId('agenda-review')).toHaveTextContent(
      'United States of America, WG 36',
    );
    const past = section('past');
    expect(within(past).queryByTestId('agenda-item')).not.toBeInTheDocument();
    await user.click(within(past).getByTestId('agenda-past-toggle'));
    expect(within(past).getAllByTestId('agenda-item')).toHaveLength(1);
  });
});
