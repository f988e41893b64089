import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBackend, type FakeBackend } from '../../dev/fakeBackend';
import type { NewStatement, Statement, StatementStatus } from '../ipc/types';
import { statementContent as content, usReview, words } from '../../test/fixtures';
import { advocacyEvents } from '../../test/mocks';
import StatementEditor from './StatementEditor.svelte';

const REVIEWS = [usReview({ id: 1 })];

/** A statement saved in the fake, moved along the workflow to `status`. */
function stored(
  backend: FakeBackend,
  changes: Partial<NewStatement> = {},
  status?: StatementStatus,
) {
  const created = backend.advocacy.saveStatement(null, content(changes));
  const path: StatementStatus[] = ['drafting', 'final', 'registered'];
  if (status) {
    for (const step of path) {
      if (created.status === status) break;
      backend.advocacy.setStatementStatus(created.id, step);
      if (step === status) break;
    }
    if (status === 'delivered' || status === 'not_called') {
      backend.advocacy.setStatementStatus(created.id, status);
    }
  }
  return backend.advocacy.statement(created.id);
}

function renderEditor(statement: Statement, backend: FakeBackend) {
  const props = {
    statement,
    reviews: REVIEWS,
    onsaved: vi.fn(),
    ondeleted: vi.fn(),
    ...advocacyEvents(),
  };
  const view = render(StatementEditor, props);
  return { backend, props, view, user: userEvent.setup() };
}

function setup(changes: Partial<NewStatement> = {}, status?: StatementStatus) {
  const backend = installFakeBackend();
  return renderEditor(stored(backend, changes, status), backend);
}

const savedContent = (backend: FakeBackend): NewStatement | undefined =>
  backend.callsTo('save_statement').at(-1)?.args['statement'] as NewStatement | undefined;

afterEach(() => {
  // Unmounted while the fake still answers: an editor leaving saves what was typed.
  cleanup();
  localStorage.clear();
});

describe('StatementEditor: the budget', () => {
  it('says what to cut, live, for 300 words at 130 a minute in 2:00', async () => {
    const { user } = setup();
    const text = screen.getByTestId('statement-text');
    await user.click(text);
    await user.paste(words(300));
    const budget = screen.getByTestId('statement-budget');
    expect(within(budget).getByTestId('budget-words')).toHaveTextContent('300');
    expect(within(budget).getByTestId('budget-time')).toHaveTextContent('2:19');
    expect(screen.getByTestId('over-limit')).toHaveTextContent(
      'Cut 40 words to fit 2:00 at 130 words a minute (19 s over).',
    );

    // A longer limit: it fits.
    await user.clear(screen.getByTestId('statement-limit'));
    await user.type(screen.getByTestId('statement-limit'), '2:30');
    expect(screen.queryByTestId('over-limit')).not.toBeInTheDocument();
    expect(budget).toHaveTextContent('300 words · 2:19 of 2:30');
  });

  it('counts written statements against 2,000 or 1,500 words by ECOSOC status', async () => {
    const { user } = setup({ kind: 'written', text: words(1600) });
    expect(screen.queryByTestId('statement-rate')).not.toBeInTheDocument();
    expect(screen.getByTestId('statement-budget')).toHaveTextContent(
      '1,600 words of 2,000 (general consultative status)',
    );
    expect(screen.queryByTestId('over-limit')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('statement-ecosoc'), 'special');
    expect(screen.getByTestId('over-limit')).toHaveTextContent(
      'Cut 100 words to stay within 1,500 words (special consultative status).',
    );
    expect(localStorage.getItem('docket.statements.ecosocStatus')).toBe('special');
    expect(screen.queryByTestId('ecosoc-warning')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('statement-ecosoc'), 'none');
    expect(screen.getByTestId('ecosoc-warning')).toHaveTextContent(
      'needs an ECOSOC-accredited organization to deliver or sponsor it',
    );
  });

  it('fills a known speaker’s rate, and remembers a new rate as theirs', async () => {
    const { backend, user } = setup({ text: words(130) });
    await user.type(screen.getByTestId('statement-speaker'), 'Amina Diallo');
    await user.tab();
    expect(screen.getByTestId('statement-rate')).toHaveValue(120);
    expect(screen.getByTestId('statement-budget')).toHaveTextContent('1:05 of 2:00');
    await user.clear(screen.getByTestId('statement-rate'));
    await user.type(screen.getByTestId('statement-rate'), '125');
    await user.tab();
    await waitFor(() =>
      expect(backend.callsTo('set_speaker_rate').at(-1)?.args).toEqual({
        name: 'Amina Diallo',
        wordsPerMinute: 125,
      }),
    );
  });

  it('sets the time limit for the whole session when asked', async () => {
    const { backend, user } = setup();
    await user.clear(screen.getByTestId('statement-limit'));
    await user.type(screen.getByTestId('statement-limit'), '1:30');
    await user.click(screen.getByTestId('statement-limit-session'));
    await waitFor(() =>
      expect(backend.callsTo('set_session_time_limit').at(-1)?.args).toEqual({
        hrcSession: 46,
        seconds: 90,
      }),
    );
    await user.clear(screen.getByTestId('statement-limit'));
    await user.type(screen.getByTestId('statement-limit'), '0:05');
    expect(screen.getByTestId('statement-limit')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('StatementEditor: saving', () => {
  it('saves what is typed once typing pauses, and says so', async () => {
    const { backend, props, user } = setup();
    await user.type(screen.getByTestId('statement-text'), 'Thank you');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved yet');
    expect(backend.callsTo('save_statement')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('save-state')).toHaveTextContent('Saved'), {
      timeout: 2000,
    });
    expect(backend.callsTo('save_statement')).toHaveLength(1);
    expect(savedContent(backend)?.text).toBe('Thank you');
    expect(props.onsaved).toHaveBeenCalledWith(expect.objectContaining({ text: 'Thank you' }));
  });

  it('saves at once when asked (before another statement opens)', async () => {
    const { backend, view, user } = setup();
    await user.type(screen.getByTestId('statement-title'), ' at HRC46');
    const editor = view.component as unknown as { flush: () => Promise<boolean> };
    await expect(editor.flush()).resolves.toBe(true);
    expect(savedContent(backend)?.title).toBe('Oral statement on the adoption at HRC46');
  });

  it('saves what was typed when it goes away (another mode, Back)', async () => {
    const { backend, view, user } = setup();
    await user.type(screen.getByTestId('statement-text'), 'Not lost');
    view.unmount();
    await waitFor(() => expect(savedContent(backend)?.text).toBe('Not lost'));
  });

  it('keeps the text when it cannot be saved, and says why', async () => {
    const { backend, view, user } = setup();
    backend.failWith['save_statement'] = { kind: 'database', message: 'The disk is full.' };
    await user.type(screen.getByTestId('statement-text'), 'Kept');
    const editor = view.component as unknown as { flush: () => Promise<boolean> };
    await expect(editor.flush()).resolves.toBe(false);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Not saved: The disk is full.');
    expect(screen.getByTestId('statement-text')).toHaveValue('Kept');
  });
});

describe('StatementEditor: workflow', () => {
  const buttons = () =>
    within(screen.getByTestId('statement-status'))
      .getAllByRole('button')
      .map((b) => b.getAttribute('data-testid'));

  it.each<[StatementStatus, string[]]>([
    ['idea', ['status-drafting']],
    ['drafting', ['status-final', 'status-idea']],
    ['final', ['status-registered', 'status-drafting', 'status-idea']],
    [
      'registered',
      ['status-delivered', 'status-not_called', 'status-final', 'status-drafting', 'status-idea'],
    ],
    ['delivered', ['status-registered', 'status-final', 'status-drafting', 'status-idea']],
    ['not_called', ['status-registered', 'status-final', 'status-drafting', 'status-idea']],
  ])('shows the steps allowed from %s', (status, expected) => {
    setup({}, status);
    expect(screen.getByTestId('status-current')).toHaveAttribute('data-status', status);
    expect(buttons()).toEqual(expected);
  });

  it('says the steps in words for written statements', () => {
    setup({ kind: 'written' }, 'final');
    expect(screen.getByTestId('status-registered')).toHaveTextContent('Submitted');
    expect(screen.getByTestId('status-drafting')).toHaveTextContent('Back to drafting');
  });

  it('shows the review’s dates, and the reminder made on registering', async () => {
    const { backend, props, user } = setup({}, 'final');
    expect(screen.getByTestId('statement-dates')).toHaveTextContent(
      'Speakers list opens 19 Feb 2021 · Written statements due 8 Feb 2021 · Adoption 17 Mar 2021',
    );
    expect(screen.getByTestId('status-registered')).toHaveTextContent(
      'Registered on the speakers list',
    );
    await user.click(screen.getByTestId('status-registered'));
    await waitFor(() =>
      expect(screen.getByTestId('status-current')).toHaveTextContent('Registered'),
    );
    expect(screen.getByTestId('statement-deadline')).toHaveTextContent(
      'Reminder set: Confirm our place on the speakers list in person, 16 Mar 2021',
    );
    expect(props.oncalendarchanged).toHaveBeenCalledTimes(1);
    expect(props.onstatus).toHaveBeenCalledWith(
      'Registered on the speakers list. Reminder set: Confirm our place on the speakers list in person, 16 Mar 2021.',
    );
    expect(backend.callsTo('set_statement_status').at(-1)?.args).toMatchObject({
      status: 'registered',
    });
    // The version list has the step.
    await waitFor(() =>
      expect(screen.getAllByTestId('version-row')[0]).toHaveTextContent('Final → Registered'),
    );
  });

  it('saves what was typed before moving on', async () => {
    const { backend, user } = setup({}, 'drafting');
    await user.type(screen.getByTestId('statement-text'), 'Final words');
    await user.click(screen.getByTestId('status-final'));
    await waitFor(() => expect(screen.getByTestId('status-current')).toHaveTextContent('Final'));
    const order = backend.calls
      .map((c) => c.command)
      .filter((c) => c === 'save_statement' || c === 'set_statement_status');
    expect(order).toEqual(['save_statement', 'set_statement_status']);
    expect(backend.advocacy.statement(1).text).toBe('Final words');
  });
});

describe('StatementEditor: recommendations and quotes', () => {
  it('links recommendations by paragraph and inserts them at the cursor', async () => {
    const { backend, user } = setup({ text: 'Thank you, President. We urge action.' });
    const box = screen.getByTestId('link-paragraph');
    await user.type(box, '26.1');
    await waitFor(() => expect(screen.getAllByTestId('link-suggestion').length).toBeGreaterThan(1));
    await user.click(screen.getByTestId('link-add'));
    expect(screen.getAllByTestId('linked-rec').map((el) => el.dataset['id'])).toEqual(['1']);
    // Or from the list of matching paragraphs.
    await user.type(box, '26.3');
    await user.click(screen.getAllByTestId('link-suggestion')[0]!);
    expect(screen.getAllByTestId('linked-rec')).toHaveLength(2);
    await user.type(box, '26.999{Enter}');
    expect(screen.getByTestId('link-problem')).toHaveTextContent(
      'No recommendation 26.999 in this review.',
    );

    const text = screen.getByTestId<HTMLTextAreaElement>('statement-text');
    const at = text.value.indexOf(' We');
    text.focus();
    text.setSelectionRange(at, at);
    await user.click(screen.getByTestId('insert-quotes'));
    const [q1, q3] = backend.advocacy.quotes([1, 3]);
    await waitFor(() =>
      expect(text).toHaveValue(
        `Thank you, President.\n\nRecommendation 26.1 (${q1!.states.join(', ')}): “${q1!.text}”\n\n` +
          `Recommendation 26.3 (${q3!.states.join(', ')}): “${q3!.text}”\n\nWe urge action.`,
      ),
    );
    expect(text).toHaveFocus();
    await waitFor(() => expect(savedContent(backend)?.recommendation_ids).toEqual([1, 3]), {
      timeout: 2000,
    });

    await user.click(screen.getAllByTestId('link-remove')[0]!);
    expect(screen.getAllByTestId('linked-rec').map((el) => el.dataset['id'])).toEqual(['3']);
  });
});

describe('StatementEditor: versions', () => {
  it('keeps a version with a label and compares it with now, side by side', async () => {
    const { user } = setup({ text: 'We welcome the review.' });
    await user.type(screen.getByTestId('snapshot-label'), 'first draft');
    await user.click(screen.getByTestId('snapshot'));
    await waitFor(() => expect(screen.getAllByTestId('version-row')).toHaveLength(2));
    expect(screen.getAllByTestId('version-row')[0]).toHaveTextContent('Saved by hand: first draft');

    const text = screen.getByTestId('statement-text');
    await user.clear(text);
    await user.type(text, 'We warmly welcome the review.');
    await user.click(within(screen.getAllByTestId('version-row')[0]!).getByTestId('version-pick'));
    expect(screen.getByTestId('compare')).toBeDisabled();
    await user.click(screen.getByTestId('version-pick-now'));
    await user.click(screen.getByTestId('compare'));
    const diff = await screen.findByTestId('version-diff');
    expect(within(diff).getByTestId('diff-counts')).toHaveTextContent('+1 / −0 words');
    expect(within(diff).getByTestId('diff-right').querySelector('ins')).toHaveTextContent('warmly');
  });
});

describe('StatementEditor: delete and rehearse', () => {
  it('asks before deleting, in the window', async () => {
    const { props, user } = setup();
    await user.click(screen.getByTestId('statement-delete'));
    expect(screen.getByTestId('delete-confirm-no')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('delete-confirm')).not.toBeInTheDocument();
    expect(screen.getByTestId('statement-delete')).toHaveFocus();
    await user.click(screen.getByTestId('statement-delete'));
    await user.click(screen.getByTestId('delete-confirm-yes'));
    await waitFor(() => expect(props.ondeleted).toHaveBeenCalledTimes(1));
  });

  it('opens the rehearsal over the window, and Escape leaves it', async () => {
    const { user } = setup({ text: 'Thank you, Mr. President.\n\nWe urge action.' });
    await user.click(screen.getByTestId('rehearse'));
    const rehearsal = screen.getByTestId('rehearsal');
    expect(within(rehearsal).getByTestId('countdown')).toHaveTextContent('2:00');
    expect(within(rehearsal).getAllByTestId('rehearsal-sentence')).toHaveLength(2);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('rehearsal')).not.toBeInTheDocument();
    expect(screen.getByTestId('rehearse')).toHaveFocus();
  });
});

describe('StatementEditor: export', () => {
  it('saves what was typed, then asks the app to export this statement', async () => {
    const { user, props, backend } = setup({ title: 'On the adoption' });
    await user.type(screen.getByTestId('statement-text'), 'Thank you.');
    await user.click(screen.getByTestId('statement-export'));
    await waitFor(() => expect(props.onexport).toHaveBeenCalledTimes(1));
    expect(savedContent(backend)?.text).toBe('Thank you.');
    expect(props.onexport).toHaveBeenCalledWith({
      reviewId: 1,
      templates: ['statement'],
      template: 'statement',
      statementId: 1,
      statementTitle: 'On the adoption',
    });
  });

  it('says why a statement without a review cannot be exported', async () => {
    const { user, props } = setup({ review_id: null, debate: 'Item 4 general debate' });
    await user.click(screen.getByTestId('statement-export'));
    expect(props.onexport).not.toHaveBeenCalled();
    expect(props.onstatus).toHaveBeenCalledWith(
      'Choose the statement’s review first: Docket exports a statement with its review.',
    );
  });
});
