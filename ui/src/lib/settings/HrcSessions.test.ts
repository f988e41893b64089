import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../ipc/api';
import type { HrcSessionDates } from '../ipc/types';
import HrcSessions from './HrcSessions.svelte';

vi.mock('../ipc/api', () => ({
  api: { hrcSessions: vi.fn(), setHrcSession: vi.fn(), resetHrcSession: vi.fn() },
}));

const S46: HrcSessionDates = {
  number: 46,
  opens: '2021-02-22',
  closes: '2021-03-24',
  edited: false,
  estimated: false,
};
const S60: HrcSessionDates = {
  number: 60,
  opens: '2025-09-08',
  closes: '2025-10-08',
  edited: true,
  estimated: false,
};
const S63: HrcSessionDates = {
  number: 63,
  opens: '2026-09-14',
  closes: '2026-10-09',
  edited: false,
  estimated: true,
};

function setup(list: HrcSessionDates[] = [S46, S60, S63]) {
  vi.mocked(api.hrcSessions).mockResolvedValue(list);
  const onchange = vi.fn();
  const user = userEvent.setup();
  const view = render(HrcSessions, { onchange });
  return { onchange, user, view };
}

async function row(number: number): Promise<HTMLElement> {
  const rows = await screen.findAllByTestId('hrc-session');
  const found = rows.find((r) => r.dataset['number'] === String(number));
  if (!found) throw new Error(`no session ${number}`);
  return found;
}

beforeEach(() => {
  vi.mocked(api.setHrcSession).mockReset();
  vi.mocked(api.resetHrcSession).mockReset();
});

describe('HrcSessions', () => {
  it('explains, and lists the sessions newest first with their marks', async () => {
    setup();
    const section = screen.getByTestId('hrc-sessions');
    expect(section).toHaveTextContent(
      'Docket places the adoption and the deadlines before it from these dates. The exact days vary each year: correct a session here when OHCHR publishes its programme.',
    );
    const rows = await screen.findAllByTestId('hrc-session');
    expect(rows.map((r) => r.dataset['number'])).toEqual(['63', '60', '46']);
    expect(rows[0]).toHaveTextContent('14 Sep 2026');
    expect(rows[0]).toHaveTextContent('9 Oct 2026');
    expect(rows[0]).toHaveTextContent('Estimated');
    expect(rows[1]).toHaveTextContent('Corrected');
    expect(within(rows[1]!).getByTestId('hrc-reset')).toBeInTheDocument();
    expect(rows[2]).not.toHaveTextContent(/Corrected|Estimated/);
    expect(within(rows[2]!).queryByTestId('hrc-reset')).not.toBeInTheDocument();
  });

  it('corrects a session: the dates are saved, the list returned is shown, the calendar told', async () => {
    const corrected = {
      ...S63,
      opens: '2026-09-07',
      closes: '2026-10-02',
      edited: true,
      estimated: false,
    };
    vi.mocked(api.setHrcSession).mockResolvedValue([S46, S60, corrected]);
    const { user, onchange } = setup();
    await user.click(within(await row(63)).getByRole('button', { name: 'Correct session 63' }));

    const opens = screen.getByTestId('hrc-opens');
    const closes = screen.getByTestId('hrc-closes');
    expect(opens).toHaveFocus();
    expect(opens).toHaveAccessibleName('Session 63 opens');
    expect(opens).toHaveValue('2026-09-14');
    await user.clear(opens);
    await user.type(opens, '2026-09-07');
    await user.clear(closes);
    await user.type(closes, '2026-10-02');
    await user.click(screen.getByTestId('hrc-save'));

    expect(api.setHrcSession).toHaveBeenCalledWith(63, '2026-09-07', '2026-10-02');
    await waitFor(() => expect(onchange).toHaveBeenCalledTimes(1));
    const saved = await row(63);
    expect(saved).toHaveTextContent('7 Sep 2026');
    expect(saved).toHaveTextContent('Corrected');
    expect(screen.queryByTestId('hrc-opens')).not.toBeInTheDocument();
    expect(within(saved).getByTestId('hrc-correct')).toHaveFocus();
    expect(screen.getByTestId('hrc-status')).toHaveTextContent(
      'Session 63 corrected: 7 Sep 2026 to 2 Oct 2026.',
    );
  });

  it('saves with Enter and cancels with Escape', async () => {
    vi.mocked(api.setHrcSession).mockResolvedValue([S46, S60, S63]);
    const { user, onchange } = setup();
    await user.click(within(await row(46)).getByTestId('hrc-correct'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('hrc-opens')).not.toBeInTheDocument();
    expect(within(await row(46)).getByTestId('hrc-correct')).toHaveFocus();
    expect(api.setHrcSession).not.toHaveBeenCalled();

    await user.click(within(await row(46)).getByTestId('hrc-correct'));
    await user.keyboard('{Enter}');
    expect(api.setHrcSession).toHaveBeenCalledWith(46, '2021-02-22', '2021-03-24');
    await waitFor(() => expect(onchange).toHaveBeenCalled());
  });

  it('does not save dates that cannot be, and says why', async () => {
    const { user, onchange } = setup();
    await user.click(within(await row(63)).getByTestId('hrc-correct'));
    const closes = screen.getByTestId('hrc-closes');
    await user.clear(closes);
    await user.type(closes, '2026-09-01');
    await user.click(screen.getByTestId('hrc-save'));
    expect(await screen.findByTestId('hrc-error')).toHaveTextContent(
      'The session cannot close before it opens.',
    );
    expect(closes).toHaveAttribute('aria-invalid', 'true');
    expect(closes).toHaveAccessibleDescription('The session cannot close before it opens.');
    expect(api.setHrcSession).not.toHaveBeenCalled();

    await user.clear(closes);
    await user.click(screen.getByTestId('hrc-save'));
    expect(screen.getByTestId('hrc-error')).toHaveTextContent(
      'Enter the day the session opens and the day it closes.',
    );
    expect(onchange).not.toHaveBeenCalled();
  });

  it('shows the error Docket gives, in its words, and keeps the correction open', async () => {
    vi.mocked(api.setHrcSession).mockRejectedValue({
      kind: 'invalid_input',
      message: 'Session 63 would overlap session 64: check the dates.',
    });
    const { user, onchange } = setup();
    await user.click(within(await row(63)).getByTestId('hrc-correct'));
    await user.click(screen.getByTestId('hrc-save'));
    expect(await screen.findByTestId('hrc-error')).toHaveTextContent(
      'Session 63 would overlap session 64: check the dates.',
    );
    expect(screen.getByTestId('hrc-opens')).toBeInTheDocument();
    expect(screen.getByTestId('hrc-save')).toBeEnabled();
    expect(onchange).not.toHaveBeenCalled();
  });

  it('gives a corrected session back Docket’s dates', async () => {
    const restored = { ...S60, opens: '2025-09-08', closes: '2025-10-08', edited: false };
    vi.mocked(api.resetHrcSession).mockResolvedValue([S46, restored, S63]);
    const { user, onchange } = setup();
    await user.click(
      within(await row(60)).getByRole('button', { name: "Reset session 60 to Docket's dates" }),
    );
    expect(api.resetHrcSession).toHaveBeenCalledWith(60);
    await waitFor(() => expect(onchange).toHaveBeenCalledTimes(1));
    const reset = await row(60);
    expect(reset).not.toHaveTextContent('Corrected');
    expect(within(reset).queryByTestId('hrc-reset')).not.toBeInTheDocument();
    expect(within(reset).getByTestId('hrc-correct')).toHaveFocus();
  });

  it('says when the sessions cannot be loaded, and tries again', async () => {
    vi.mocked(api.hrcSessions)
      .mockRejectedValueOnce({ kind: 'database', message: 'The database is busy.' })
      .mockResolvedValue([S46]);
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(HrcSessions, { onchange });
    const failed = await screen.findByTestId('hrc-failed');
    expect(failed).toHaveTextContent('The database is busy.');
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(await row(46)).toBeInTheDocument();
  });
});
