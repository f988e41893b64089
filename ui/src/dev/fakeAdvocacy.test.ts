// The fake's advocacy commands, through the fake backend as the UI calls them: held to the
// contract of ui/src/lib/ipc/types.ts and the rules of crates/docket-core/src/advocacy.
import { describe, expect, it } from 'vitest';
import type {
  CalendarEvent,
  Contact,
  Meeting,
  NewStatement,
  Quote,
  RecommendationDetail,
  StatePage,
  StateRank,
  Statement,
  StatementSummary,
  StatementVersion,
  VersionDiff,
} from '../lib/ipc/types';
import { newDeadline, statementContent, words } from '../test/fixtures';
import { diffWords } from './fakeAdvocacy';
import { FakeBackend } from './fakeBackend';

const oral = (changes: Partial<NewStatement> = {}): NewStatement =>
  statementContent({
    title: "Oral statement on the adoption of the United States of America's UPR outcome",
    ecosoc_status: 'special',
    ...changes,
  });

async function call<T>(backend: FakeBackend, command: string, args: object = {}): Promise<T> {
  return (await backend.handle(command, args)) as T;
}

describe('fake statements', () => {
  it('creates a statement as an idea, with its budget, its review’s dates and a first version', async () => {
    const backend = new FakeBackend();
    const saved = await call<Statement>(backend, 'save_statement', {
      id: null,
      statement: oral({ text: words(312), co_signers: [' A ', 'a', 'B', ''] }),
    });
    expect(saved.status).toBe('idea');
    expect(saved.co_signers).toEqual(['A', 'B']);
    expect(saved.budget).toMatchObject({ words: 312, word_limit: 260, over_by_words: 52 });
    expect(saved.dates).toEqual({
      speakers_list_opens: '2021-02-19',
      written_statement_due: '2021-02-08',
      adoption: '2021-03-17',
    });
    expect(saved.deadline).toBeNull();

    const list = await call<StatementSummary[]>(backend, 'statements', { reviewId: 1 });
    expect(list.map((s) => s.id)).toEqual([saved.id]);
    expect(await call<StatementSummary[]>(backend, 'statements', { reviewId: null })).toHaveLength(
      1,
    );
    const versions = await call<StatementVersion[]>(backend, 'statement_versions', {
      id: saved.id,
    });
    expect(versions.map((v) => [v.label, v.words, v.who])).toEqual([['Created', 312, 'Ana']]);
  });

  it('refuses what the store refuses, in words', async () => {
    const backend = new FakeBackend();
    const save = (statement: NewStatement) =>
      backend.handle('save_statement', { id: null, statement });
    await expect(save(oral({ title: '  ' }))).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(save(oral({ words_per_minute: 20 }))).rejects.toMatchObject({
      message: expect.stringMatching(/between 60 and 250/),
    });
    await expect(save(oral({ time_limit_seconds: 5 }))).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    await expect(save(oral({ review_id: 99 }))).rejects.toMatchObject({ kind: 'not_found' });
    await expect(save(oral({ recommendation_ids: [99_999] }))).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(backend.handle('statement', { id: 42 })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('follows the workflow, keeps a version at each step, and registering sets a reminder', async () => {
    const backend = new FakeBackend();
    const { id } = await call<Statement>(backend, 'save_statement', {
      id: null,
      statement: oral(),
    });
    await expect(
      backend.handle('set_statement_status', { id, status: 'final' }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    for (const status of ['drafting', 'final', 'registered']) {
      await backend.handle('set_statement_status', { id, status });
    }
    const registered = await call<Statement>(backend, 'statement', { id });
    expect(registered.status).toBe('registered');
    expect(registered.deadline).toMatchObject({
      title: 'Confirm our place on the speakers list in person',
      due_date: '2021-03-16',
      review_id: 1,
    });
    const calendar = await call<CalendarEvent[]>(backend, 'calendar', { reviewId: 1 });
    expect(calendar.some((e) => e.deadline?.id === registered.deadline?.id)).toBe(true);

    // Back, and registered again: the same deadline, not a second one.
    await backend.handle('set_statement_status', { id, status: 'drafting' });
    await backend.handle('set_statement_status', { id, status: 'final' });
    const again = await call<Statement>(backend, 'set_statement_status', {
      id,
      status: 'registered',
    });
    expect(again.deadline?.id).toBe(registered.deadline?.id);
    const done = await call<Statement>(backend, 'set_statement_status', {
      id,
      status: 'not_called',
    });
    expect(done.status).toBe('not_called');
    const versions = await call<StatementVersion[]>(backend, 'statement_versions', { id });
    expect(versions[0]?.label).toBe('Registered → Not called');
    expect(versions.at(-1)?.label).toBe('Created');
    expect(versions).toHaveLength(8);
  });

  it('keeps versions by hand and compares them, or one with the text now', async () => {
    const backend = new FakeBackend();
    const { id } = await call<Statement>(backend, 'save_statement', {
      id: null,
      statement: oral({ text: 'We welcome the review.' }),
    });
    const kept = await call<StatementVersion>(backend, 'snapshot_statement', {
      id,
      label: ' before the call ',
    });
    expect(kept.label).toBe('Saved by hand: before the call');
    await backend.handle('save_statement', {
      id,
      statement: oral({ text: 'We warmly welcome the full review.' }),
    });
    const diff = await call<VersionDiff>(backend, 'diff_versions', { left: kept.id, right: null });
    expect(diff.right).toMatchObject({ id: 0, label: 'Now' });
    expect(diff.added_words).toBe(2);
    expect(diff.removed_words).toBe(0);
    expect(diff.parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual([
      'warmly ',
      'full ',
    ]);
    await expect(
      backend.handle('diff_versions', { left: 12345, right: null }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('quotes recommendations in the order given, with their States', async () => {
    const backend = new FakeBackend();
    const quotes = await call<Quote[]>(backend, 'quotes', { ids: [3, 1] });
    expect(quotes.map((q) => q.paragraph)).toEqual(['26.3', '26.1']);
    const detail = await call<RecommendationDetail>(backend, 'get_recommendation', { id: 3 });
    expect(quotes[0]?.states).toEqual(detail.recommending_states.map((s) => s.name));
    expect(quotes[0]?.text).toBe(detail.text);
  });

  it('remembers speakers’ rates and sessions’ time limits', async () => {
    const backend = new FakeBackend();
    const rates = await call<[string, number][]>(backend, 'speaker_rates');
    expect(rates).toContainEqual(['Amina Diallo', 120]);
    await backend.handle('set_speaker_rate', { name: 'amina diallo', wordsPerMinute: 118 });
    const after = await call<[string, number][]>(backend, 'speaker_rates');
    expect(after.filter(([n]) => n.toLowerCase() === 'amina diallo')).toEqual([
      ['amina diallo', 118],
    ]);
    await expect(
      backend.handle('set_speaker_rate', { name: 'X', wordsPerMinute: 400 }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });

    expect(await call<number>(backend, 'session_time_limit', { hrcSession: 46 })).toBe(120);
    await backend.handle('set_session_time_limit', { hrcSession: 46, seconds: 90 });
    expect(await call<number>(backend, 'session_time_limit', { hrcSession: 46 })).toBe(90);
    await expect(
      backend.handle('set_session_time_limit', { hrcSession: 46, seconds: 5000 }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});

describe('fake diff', () => {
  it('gives both texts back exactly, removed before added', () => {
    const left = 'We  regret the noted\nrecommendations on the death penalty.';
    const right = 'We deeply regret the noted recommendations on capital punishment.';
    const parts = diffWords(left, right);
    const side = (kind: 'removed' | 'added') =>
      parts
        .filter((p) => p.kind === 'same' || p.kind === kind)
        .map((p) => p.text)
        .join('');
    expect(side('removed')).toBe(left);
    expect(side('added')).toBe(right);
    const changed = parts.findIndex((p) => p.kind !== 'same');
    expect(parts[changed]?.kind).toBe('removed');
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
  });
});

describe('fake lobbying', () => {
  it('ranks the recommending States by our priorities and where the review stands', async () => {
    const backend = new FakeBackend();
    // 26.3 (index 2) is pending in the sample? Whatever its position, a high priority ranks its
    // States above those that made none of ours.
    await backend.handle('edit_tracking', { id: 3, edit: { field: 'priority', value: 'high' } });
    const detail = await call<RecommendationDetail>(backend, 'get_recommendation', { id: 3 });
    const ranks = await call<StateRank[]>(backend, 'who_to_meet_first', { reviewId: 1 });
    const top = ranks.slice(0, detail.recommending_states.length).map((r) => r.state.name);
    expect(top.sort()).toEqual(detail.recommending_states.map((s) => s.name).sort());
    expect(ranks[0]?.high).toBe(1);
    expect(ranks[0]?.why).toMatch(/^1 high priority recommendation; 1 /);
    expect(ranks.at(-1)?.why).toMatch(/^No priority recommendations \(\d+ in this review\)\.$/);
    expect(ranks.every((r) => r.status === 'not_contacted')).toBe(true);
    await expect(backend.handle('who_to_meet_first', { reviewId: 9 })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('shows a State’s page with its recommendations here and elsewhere, contacts and meetings', async () => {
    const backend = new FakeBackend({ otherReview: 12 });
    const detail = await call<RecommendationDetail>(backend, 'get_recommendation', { id: 1 });
    const ref = detail.recommending_states[0]!;
    const state = { iso3: ref.iso3, name: ref.name };

    const contact = await call<Contact>(backend, 'save_contact', {
      id: null,
      contact: {
        state,
        name: ' Claire Martin ',
        role: 'First Secretary',
        place: 'mission',
        email: '',
        phone: '',
        notes: '',
      },
    });
    expect(contact.name).toBe('Claire Martin');
    const meeting = await call<Meeting>(backend, 'save_meeting', {
      id: null,
      meeting: {
        state,
        review_id: 1,
        date: '2021-03-01',
        who: 'Claire Martin',
        asked: 'Raise 26.1 at the adoption',
        outcome: '',
        follow_up: newDeadline({ title: 'Follow up with the mission', due_date: '2021-03-10' }),
        recommendation_ids: [1],
      },
    });
    expect(meeting.follow_up?.title).toBe('Follow up with the mission');
    expect(meeting.recommendations).toEqual([{ id: 1, review_id: 1, paragraph: '26.1' }]);
    await backend.handle('set_state_lobbying', { state, status: 'met', notes: 'Open to it.' });

    const page = await call<StatePage>(backend, 'state_page', { state, reviewId: 1 });
    expect(page.state.name).toBe(ref.name);
    expect(page.regional_group).toBe(ref.regional_group);
    expect(page.in_review.some((r) => r.paragraph === '26.1')).toBe(true);
    expect(page.in_review.every((r) => r.review === 'United States of America, WG 36')).toBe(true);
    expect(page.contacts.map((c) => c.id)).toEqual([contact.id]);
    expect(page.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(page).toMatchObject({ status: 'met', notes: 'Open to it.' });
    const ranks = await call<StateRank[]>(backend, 'who_to_meet_first', { reviewId: 1 });
    expect(ranks.find((r) => r.state.name === ref.name)?.status).toBe('met');

    // The meeting's follow-up is in the calendar, and goes with the meeting.
    const hasFollowUp = async () =>
      (await call<CalendarEvent[]>(backend, 'calendar', { reviewId: null })).some(
        (e) => e.title === 'Follow up with the mission',
      );
    expect(await hasFollowUp()).toBe(true);
    await backend.handle('delete_meeting', { id: meeting.id });
    expect(await hasFollowUp()).toBe(false);
    await backend.handle('delete_contact', { id: contact.id });
    const empty = await call<StatePage>(backend, 'state_page', { state, reviewId: null });
    expect(empty.contacts).toEqual([]);
    expect(empty.meetings).toEqual([]);
    expect(empty.in_review).toEqual([]);
    expect(empty.elsewhere.length).toBe(page.in_review.length + page.elsewhere.length);
  });

  it('refuses a contact without a name and a meeting without a day', async () => {
    const backend = new FakeBackend();
    const state = { iso3: 'MEX', name: 'Mexico' };
    await expect(
      backend.handle('save_contact', {
        id: null,
        contact: { state, name: '', role: '', place: 'mission', email: '', phone: '', notes: '' },
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(
      backend.handle('save_meeting', {
        id: null,
        meeting: {
          state,
          review_id: null,
          date: 'soon',
          who: '',
          asked: '',
          outcome: '',
          follow_up: null,
          recommendation_ids: [],
        },
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(
      backend.handle('set_state_lobbying', { state, status: 'friendly', notes: '' }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });

  it('seeds a statement and some lobbying for the demo', async () => {
    const backend = new FakeBackend({ calendarDemo: true });
    const list = await call<StatementSummary[]>(backend, 'statements', { reviewId: 1 });
    expect(list).toHaveLength(1);
    expect(list[0]?.status).toBe('drafting');
    const ranks = await call<StateRank[]>(backend, 'who_to_meet_first', { reviewId: 1 });
    expect(ranks[0]?.score).toBeGreaterThan(1);
    expect(ranks.some((r) => r.status === 'met')).toBe(true);
  });
});
