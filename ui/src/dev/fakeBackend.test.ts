// The fake backend implements the search, bulk edits and Undo for real (tests of the UI rely
// on it): these tests hold it to the contract of ui/src/lib/ipc/types.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  AppEvent,
  CalendarEvent,
  Deadline,
  DueReminder,
  HrcSessionDates,
  NewDeadline,
  SavedView,
  SearchRequest,
  SearchResult,
  UndoOutcome,
} from '../lib/ipc/types';
import { newDeadline } from '../test/fixtures';
import { describeChange, FakeBackend, parseQuery, snippet } from './fakeBackend';

const request = (extra: Partial<SearchRequest> = {}): SearchRequest => ({
  review_id: 1,
  query: '',
  filters: [],
  sort: 'paragraph',
  descending: false,
  facets: true,
  offset: 0,
  limit: 500,
  ...extra,
});

async function search(backend: FakeBackend, extra: Partial<SearchRequest> = {}) {
  return (await backend.handle('search', { request: request(extra) })) as SearchResult;
}

describe('fake search', () => {
  it('has the sample’s 67 noted recommendations among 347', async () => {
    const all = await search(new FakeBackend());
    expect(all.total).toBe(347);
    expect(all.facets.position?.noted).toBe(67);
    expect(all.facets.priority).toEqual({ none: 347 });
  });

  it('parses words, phrases and prefixes as the store does', () => {
    expect(parseQuery('Death  "death penalty" abol* ;;')).toEqual([
      { words: ['death'], prefix: false },
      { words: ['death', 'penalty'], prefix: false },
      { words: ['abol'], prefix: true },
    ]);
  });

  it('finds words whatever their case and accents, phrases in order, prefixes', async () => {
    const backend = new FakeBackend();
    const dine = await search(backend, { query: 'DINE' });
    expect(dine.total).toBeGreaterThan(0);
    expect(dine.terms).toEqual([{ word: 'dine', prefix: false }]);
    const hit = dine.hits[0]!;
    const bytes = new TextEncoder().encode(hit.snippet);
    const [start, end] = hit.matches[0]!;
    expect(new TextDecoder().decode(bytes.slice(start, end))).toBe('Diné');

    const phrase = await search(backend, { query: '"death penalty"' });
    const reversed = await search(backend, { query: '"penalty death"' });
    expect(phrase.total).toBeGreaterThan(0);
    expect(reversed.total).toBe(0);
    const prefix = await search(backend, { query: 'abol*' });
    expect(prefix.total).toBe(phrase.total);
  });

  it('searches the recommending States too', async () => {
    const result = await search(new FakeBackend(), { query: 'turkiye' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.states.includes('Türkiye'))).toBe(true);
  });

  it('counts a facet among the matches of the other facets only (disjunctive)', async () => {
    const backend = new FakeBackend();
    const noted = await search(backend, { filters: [['position', 'noted']] });
    expect(noted.total).toBe(67);
    // Position's own counts ignore the position chosen: the other positions can be added.
    expect(noted.facets.position?.supported).toBeGreaterThan(0);
    expect(noted.facets.position?.noted).toBe(67);
    // Other facets are counted among the noted ones.
    const themes = Object.values(noted.facets.theme ?? {});
    expect(Math.max(...themes)).toBeLessThanOrEqual(67);

    const both = await search(backend, {
      filters: [
        ['position', 'noted'],
        ['position', 'supported_in_part'],
      ],
    });
    expect(both.total).toBe(67 + (noted.facets.position?.supported_in_part ?? 0));
  });

  it('sorts by position and priority, both ways', async () => {
    const backend = new FakeBackend();
    const byPosition = await search(backend, { sort: 'position' });
    expect(byPosition.hits[0]?.position).toBe('supported');
    const reversed = await search(backend, { sort: 'position', descending: true });
    expect(reversed.hits[0]?.position).toBe('pending');
    const paragraphs = (await search(backend, { limit: 12 })).hits.map((h) => h.paragraph);
    expect(paragraphs.slice(8, 11)).toEqual(['26.9', '26.10', '26.11']);
  });

  it('makes a snippet around the first match, with byte ranges', () => {
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ') + ' Guaraní end';
    const cut = snippet(long, [{ word: 'guarani', prefix: false }]);
    expect(cut.snippet.startsWith('… w')).toBe(true);
    const bytes = new TextEncoder().encode(cut.snippet);
    const [start, end] = cut.matches[0]!;
    expect(new TextDecoder().decode(bytes.slice(start, end))).toBe('Guaraní');
  });
});

describe('fake descriptions of changes', () => {
  it('says what was set, on what, as the store does', () => {
    expect(describeChange('priority', null, 'high', '26.1')).toBe('Priority set to High on 26.1');
    expect(describeChange('priority', 'high', null, '26.1')).toBe('Priority cleared on 26.1');
    expect(describeChange('lobbying_status', null, 'in_progress', '3 recommendations')).toBe(
      'Lobbying status set to In progress on 3 recommendations',
    );
    expect(describeChange('implementation_status', null, 'partially_implemented', '26.1')).toBe(
      'Implementation status set to Partially implemented on 26.1',
    );
    expect(describeChange('assignee', 'Ana', '', '26.1')).toBe('Assignee cleared on 26.1');
    expect(describeChange('notes', null, 'x', '26.1')).toBe('Notes changed on 26.1');
    expect(describeChange('tag', null, 'urgent', '26.1')).toBe('Tag “urgent” added to 26.1');
    expect(describeChange('tag', 'urgent', null, '2 recommendations')).toBe(
      'Tag “urgent” removed from 2 recommendations',
    );
    expect(describeChange('evidence', null, 'https://a', '26.1')).toBe('Evidence added to 26.1');
  });

  it('describes a bulk edit by the value set and the number changed', async () => {
    const backend = new FakeBackend();
    await backend.handle('bulk_edit', { ids: [1], edit: { field: 'add_tag', value: 'UPR 4' } });
    expect(await backend.handle('last_change', {})).toMatchObject({
      description: 'Tag “UPR 4” added to 1 recommendation',
    });
  });
});

describe('fake bulk edit and undo', () => {
  it('edits a selection in one change, then undoes it', async () => {
    const backend = new FakeBackend();
    const ids = (await backend.handle('search_ids', {
      request: request({ filters: [['position', 'noted']] }),
    })) as number[];
    expect(ids).toHaveLength(67);

    const outcome = await backend.handle('bulk_edit', {
      ids,
      edit: { field: 'priority', value: 'high' },
    });
    expect(outcome).toMatchObject({ changed: 67 });
    expect(await backend.handle('last_change', {})).toMatchObject({
      kind: 'bulk',
      count: 67,
      description: 'Priority set to High on 67 recommendations',
    });
    expect((await search(backend)).facets.priority).toEqual({ high: 67, none: 280 });

    const again = await backend.handle('bulk_edit', {
      ids,
      edit: { field: 'priority', value: 'high' },
    });
    expect(again).toEqual({ change_id: null, changed: 0 });

    const undone = (await backend.handle('undo_last', {})) as UndoOutcome;
    expect(undone.undone.description).toBe('Priority set to High on 67 recommendations');
    expect(undone.recommendation_ids).toHaveLength(67);
    expect((await search(backend)).facets.priority).toEqual({ none: 347 });
    expect(await backend.handle('last_change', {})).toBeNull();
    expect(await backend.handle('undo_last', {})).toBeNull();

    const history = (await backend.handle('review_history', {
      reviewId: 1,
      since: null,
      limit: 10,
    })) as { kind: string; undone_at: string | null }[];
    expect(history.map((c) => c.kind)).toEqual(['undo', 'bulk']);
    expect(history[1]?.undone_at).not.toBeNull();
  });

  it('undoes tags, then the change before', async () => {
    const backend = new FakeBackend();
    await backend.handle('edit_tracking', { id: 3, edit: { field: 'notes', value: 'Met them' } });
    await backend.handle('bulk_edit', { ids: [1, 2, 3], edit: { field: 'add_tag', value: 'UPR' } });
    expect(backend.tracking(2).tags).toEqual(['UPR']);
    await backend.handle('undo_last', {});
    expect(backend.tracking(2).tags).toEqual([]);
    expect(backend.tracking(3).notes).toBe('Met them');
    await backend.handle('undo_last', {});
    expect(backend.tracking(3).notes).toBe('');
  });
});

describe('fake saved views', () => {
  it('replaces a view of the same name, whatever its case, keeping its id', async () => {
    const backend = new FakeBackend();
    const view = (name: string, query: string) => ({
      name,
      review_id: 1,
      query,
      filters: [],
      sort: 'paragraph',
      descending: false,
    });
    const first = (await backend.handle('save_view', { view: view('Noted', 'a') })) as SavedView;
    const again = (await backend.handle('save_view', { view: view('noted', 'b') })) as SavedView;
    expect(again.id).toBe(first.id);
    const views = (await backend.handle('list_views', {})) as SavedView[];
    expect(views.map((v) => [v.name, v.query])).toEqual([['noted', 'b']]);
  });
});

describe('fake calendar', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const calendar = async (backend: FakeBackend, reviewId: number | null = 1) =>
    (await backend.handle('calendar', { reviewId })) as CalendarEvent[];

  const save = async (
    backend: FakeBackend,
    extra: Partial<NewDeadline> = {},
    id: number | null = null,
  ) => (await backend.handle('save_deadline', { id, deadline: newDeadline(extra) })) as Deadline;

  it('computes the sample review’s timeline, the adoption confirmed', async () => {
    const events = await calendar(new FakeBackend());
    expect(events.map((e) => [e.kind, e.date, e.confirmed])).toEqual([
      ['review', '2020-11-09', true],
      ['written_statement_due', '2021-02-08', false],
      ['speakers_list_opens', '2021-02-19', false],
      ['responses_due', '2021-02-22', false],
      ['adoption', '2021-03-17', true],
      ['mid_term', '2023-02-09', false],
      ['next_submission_due', '2025-05-03', false],
      ['next_review', '2025-11-03', false],
    ]);
    const adoption = events.find((e) => e.kind === 'adoption')!;
    expect(adoption).toMatchObject({
      uid: 'upr-usa-wg36-adoption@docket',
      review_id: 1,
      review: 'United States of America, WG 36',
      time_zone: 'Europe/Zurich',
      edited: false,
      deadline: null,
    });
    expect(adoption.rule).not.toBe('');
    expect(adoption.source).not.toBe('');
    // The same uid every time: exporting again updates the same events.
    expect((await calendar(new FakeBackend()))[4]?.uid).toBe(adoption.uid);
  });

  it('edits a computed date, keeping the rule’s date, and resets it', async () => {
    const backend = new FakeBackend();
    await backend.handle('set_event_date', {
      edit: { review_id: 1, kind: 'speakers_list_opens', date: '2021-02-18', confirmed: true },
    });
    let speakers = (await calendar(backend)).find((e) => e.kind === 'speakers_list_opens');
    expect(speakers).toMatchObject({
      date: '2021-02-18',
      edited: true,
      confirmed: true,
      rule_date: '2021-02-19',
    });
    await backend.handle('reset_event_date', { reviewId: 1, kind: 'speakers_list_opens' });
    speakers = (await calendar(backend)).find((e) => e.kind === 'speakers_list_opens');
    expect(speakers).toMatchObject({ date: '2021-02-19', edited: false, rule_date: null });
    await expect(
      backend.handle('set_event_date', {
        edit: { review_id: 1, kind: 'adoption', date: '17/03/2021', confirmed: false },
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });

  it('saves deadlines with reminders from the due time, whole days at 9:00', async () => {
    const backend = new FakeBackend();
    const whole = await save(backend, { reminders: [0, 1440], recommendation_ids: [3, 10] });
    expect(whole.reminders.map((r) => [r.minutes_before, r.fires_at])).toEqual([
      [1440, '2021-02-07T08:00:00.000Z'],
      [0, '2021-02-08T08:00:00.000Z'],
    ]);
    expect(whole.recommendations).toEqual([
      { id: 3, review_id: 1, paragraph: '26.3' },
      { id: 10, review_id: 1, paragraph: '26.10' },
    ]);
    const timed = await save(backend, {
      due_date: '2021-06-21',
      due_time: '12:00',
      reminders: [60],
    });
    expect(timed.reminders[0]?.fires_at).toBe('2021-06-21T09:00:00.000Z');

    const updated = await save(
      backend,
      { title: 'Renamed', reminders: [0, 1440], recommendation_ids: [3, 10] },
      whole.id,
    );
    expect(updated.id).toBe(whole.id);
    expect(updated.uid).toBe(whole.uid);
    expect(updated.reminders.map((r) => r.id)).toEqual(whole.reminders.map((r) => r.id));

    expect(await backend.handle('recommendation_deadlines', { recommendationId: 10 })).toEqual([
      updated,
    ]);
    await backend.handle('delete_deadline', { id: whole.id });
    expect(await backend.handle('recommendation_deadlines', { recommendationId: 10 })).toEqual([]);
    await expect(backend.handle('delete_deadline', { id: whole.id })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('refuses a deadline without a title or a real day, or in an unknown zone', async () => {
    const backend = new FakeBackend();
    await expect(save(backend, { title: '  ' })).rejects.toMatchObject({ kind: 'invalid_input' });
    await expect(save(backend, { due_date: '2021-02-30' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    await expect(save(backend, { due_time: '9h' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    await expect(save(backend, { time_zone: 'Mars/Olympus' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    await expect(save(backend, { recommendation_ids: [99_999] })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('says what is overdue and which reminders are due, by the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2021-02-07T08:30:00Z'));
    const backend = new FakeBackend();
    const d = await save(backend, { reminders: [1440, 0] });
    const event = async () => (await calendar(backend)).find((e) => e.kind === 'custom')!;
    expect(await event()).toMatchObject({
      overdue: false,
      reminder_due: true,
      rule: 'Your deadline',
    });

    const events: AppEvent[] = [];
    backend.events = { onmessage: (e) => events.push(e) };
    expect(backend.sendDueReminders().map((r) => r.reminder_id)).toEqual([d.reminders[0]!.id]);
    expect(events).toEqual([
      { kind: 'reminders', due: [expect.objectContaining({ overdue: false })] },
    ]);
    // Shown once.
    expect(backend.sendDueReminders()).toEqual([]);

    await backend.handle('snooze_reminder', { id: d.reminders[0]!.id, minutes: 60 });
    expect((await event()).reminder_due).toBe(false);
    vi.setSystemTime(new Date('2021-02-07T09:31:00Z'));
    expect((await event()).reminder_due).toBe(true);

    // A whole day is overdue once the day is over in its zone (midnight in Geneva).
    vi.setSystemTime(new Date('2021-02-08T22:59:00Z'));
    expect((await event()).overdue).toBe(false);
    vi.setSystemTime(new Date('2021-02-08T23:00:00Z'));
    expect((await event()).overdue).toBe(true);
    await backend.handle('set_deadline_status', { id: d.id, status: 'done' });
    expect(await event()).toMatchObject({ overdue: false, reminder_due: false });
  });

  it('lists deadlines of one review, or every deadline across reviews', async () => {
    const backend = new FakeBackend({ otherReview: 4 });
    await save(backend, { review_id: null, title: 'No review' });
    await save(backend, { review_id: 2, title: 'Côte d’Ivoire', due_date: '2021-02-09' });
    const titles = async (id: number | null) =>
      (await calendar(backend, id)).filter((e) => e.kind === 'custom').map((e) => e.title);
    expect(await titles(1)).toEqual([]);
    expect(await titles(2)).toEqual(['Côte d’Ivoire']);
    expect(await titles(null)).toEqual(['No review', 'Côte d’Ivoire']);
    expect((await calendar(backend, 2)).find((e) => e.kind === 'adoption')?.confirmed).toBe(false);
  });

  it('lists the Council’s sessions and keeps the user’s corrections', async () => {
    const backend = new FakeBackend();
    const sessions = (await backend.handle('hrc_sessions', {})) as HrcSessionDates[];
    expect(sessions.find((s) => s.number === 46)).toEqual({
      number: 46,
      opens: '2021-02-22',
      closes: '2021-03-24',
      edited: false,
      estimated: false,
    });
    expect(sessions.at(-1)).toMatchObject({ number: 66, estimated: true });
    const corrected = (await backend.handle('set_hrc_session', {
      number: 46,
      opens: '2021-02-23',
      closes: '2021-03-23',
    })) as HrcSessionDates[];
    expect(corrected.find((s) => s.number === 46)).toMatchObject({
      opens: '2021-02-23',
      edited: true,
    });
    // The dates computed from the session follow.
    const responses = (await calendar(backend)).find((e) => e.kind === 'responses_due');
    expect(responses?.date).toBe('2021-02-23');
    await expect(
      backend.handle('set_hrc_session', { number: 46, opens: '2021-03-23', closes: '2021-02-23' }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    const reset = (await backend.handle('reset_hrc_session', { number: 46 })) as HrcSessionDates[];
    expect(reset.find((s) => s.number === 46)).toMatchObject({
      opens: '2021-02-22',
      edited: false,
    });
  });

  it('exports to a path (null when cancelled) and gives missed reminders once', async () => {
    const missed: DueReminder = {
      reminder_id: 1,
      deadline_id: 1,
      title: 'Send our written statement',
      due_date: '2021-02-08',
      due_time: null,
      time_zone: 'Europe/Zurich',
      review: null,
      fires_at: '2021-02-07T08:00:00Z',
      overdue: true,
    };
    const backend = new FakeBackend({ missedReminders: [missed] });
    expect(await backend.handle('export_ics', { reviewId: 1 })).toMatch(/\.ics$/);
    await expect(backend.handle('export_ics', { reviewId: 9 })).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(await backend.handle('take_missed_reminders', {})).toEqual([missed]);
    expect(await backend.handle('take_missed_reminders', {})).toEqual([]);
    expect(
      await new FakeBackend({ icsPath: null }).handle('export_ics', { reviewId: null }),
    ).toBeNull();
  });

  it('seeds a demo calendar: overdue, reminder due, done, and a missed reminder', async () => {
    const backend = new FakeBackend({ calendarDemo: true, otherReview: 4 });
    const deadlines = (await calendar(backend, null)).filter((e) => e.kind === 'custom');
    // Four of the calendar's own, and the follow-up of the demo's meeting with a State.
    expect(deadlines).toHaveLength(5);
    expect(deadlines.filter((e) => e.title.startsWith('Follow up with '))).toHaveLength(1);
    expect(deadlines.filter((e) => e.overdue)).toHaveLength(1);
    expect(deadlines.filter((e) => e.deadline?.status === 'done')).toHaveLength(1);
    expect(deadlines.some((e) => e.reminder_due && !e.overdue)).toBe(true);
    expect(
      ((await backend.handle('take_missed_reminders', {})) as DueReminder[]).length,
    ).toBeGreaterThan(0);
  });
});
