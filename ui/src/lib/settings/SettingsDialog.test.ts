import { tick } from 'svelte';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../ipc/api';
import type { OrganizationInfo } from '../ipc/types';
import { nameProblem, organizationNameProblem } from './name';
import SettingsDialog from './SettingsDialog.svelte';

vi.mock('../ipc/api', () => ({
  api: {
    hrcSessions: vi.fn(),
    setHrcSession: vi.fn(),
    resetHrcSession: vi.fn(),
    organization: vi.fn(),
    setOrganizationName: vi.fn(),
    chooseOrganizationLogo: vi.fn(),
    removeOrganizationLogo: vi.fn(),
  },
}));

const LOGO: NonNullable<OrganizationInfo['logo']> = {
  format: 'png',
  width: 400,
  height: 120,
  data_url: 'data:image/png;base64,iVBORw0KGgo=',
};

beforeEach(() => {
  for (const command of [
    api.organization,
    api.setOrganizationName,
    api.chooseOrganizationLogo,
    api.removeOrganizationLogo,
  ]) {
    vi.mocked(command).mockReset();
  }
  vi.mocked(api.organization).mockResolvedValue({ name: 'Rights Watch', logo: null });
  vi.mocked(api.hrcSessions).mockResolvedValue([
    { number: 58, opens: '2025-02-24', closes: '2025-04-04', edited: false, estimated: false },
  ]);
});

function setup(onsave = vi.fn(async (_name: string) => {})) {
  const onclose = vi.fn();
  const onhrcchange = vi.fn();
  const user = userEvent.setup();
  // The button that opened the dialog, to see focus come back to it.
  const opener = document.createElement('button');
  opener.textContent = 'Settings';
  document.body.append(opener);
  opener.focus();
  const view = render(SettingsDialog, {
    userName: 'Ana',
    dataDir: '/home/ana/.local/share/org.docket.desktop',
    onsave,
    onclose,
    onhrcchange,
  });
  return { onsave, onclose, onhrcchange, user, view, opener };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('nameProblem', () => {
  it('accepts 1 to 100 characters, spaces around not counted', () => {
    expect(nameProblem('Ana')).toBeNull();
    expect(nameProblem('  Ana  ')).toBeNull();
    expect(nameProblem('é'.repeat(100))).toBeNull();
    expect(nameProblem('')).toBe('Enter your name: it cannot be empty.');
    expect(nameProblem('   ')).toBe('Enter your name: it cannot be empty.');
    expect(nameProblem('a'.repeat(101))).toBe('Use at most 100 characters (this name has 101).');
  });
});

describe('organizationNameProblem', () => {
  it('accepts an empty name and up to 200 characters, spaces tidied', () => {
    expect(organizationNameProblem('')).toBeNull();
    expect(organizationNameProblem(`  ${'é'.repeat(100)}   ${'a'.repeat(99)}  `)).toBeNull();
    expect(organizationNameProblem('a'.repeat(201))).toBe(
      'Use at most 200 characters (this name has 201). An abbreviation is fine.',
    );
  });
});

describe('SettingsDialog', () => {
  it('is a modal dialog showing the name and where the data is', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const name = screen.getByTestId('user-name');
    expect(name).toHaveValue('Ana');
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleName('Your name');
    expect(name).toHaveAccessibleDescription(/Shown in the history of every change you make/);
    expect(screen.getByTestId('settings-data-dir')).toHaveTextContent(
      '/home/ana/.local/share/org.docket.desktop',
    );
    expect(dialog).toHaveTextContent('Your data stays on this computer, in this folder.');
    expect(
      screen.getByRole('region', { name: 'Human Rights Council sessions' }),
    ).toBeInTheDocument();
  });

  it('corrects a Council session and says the calendar changed', async () => {
    const corrected = {
      number: 58,
      opens: '2025-02-24',
      closes: '2025-04-03',
      edited: true,
      estimated: false,
    };
    vi.mocked(api.setHrcSession).mockResolvedValue([corrected]);
    const { user, onhrcchange, onclose } = setup();
    // Escape cancels the correction, and leaves the dialog open.
    await user.click(await screen.findByTestId('hrc-correct'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('hrc-closes')).not.toBeInTheDocument();
    expect(onclose).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('hrc-correct'));
    const closes = screen.getByTestId('hrc-closes');
    await user.clear(closes);
    await user.type(closes, '2025-04-03');
    await user.click(screen.getByTestId('hrc-save'));
    expect(api.setHrcSession).toHaveBeenCalledWith(58, '2025-02-24', '2025-04-03');
    expect(onhrcchange).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('hrc-corrected')).toBeInTheDocument();
    expect(onclose).not.toHaveBeenCalled();
  });

  it('saves the name, trimmed, and says it is saved', async () => {
    const { user, onsave } = setup();
    const name = screen.getByTestId('user-name');
    await user.clear(name);
    await user.type(name, '  Ana Pérez ');
    await user.click(screen.getByTestId('save-settings'));
    expect(onsave).toHaveBeenCalledWith('Ana Pérez');
    expect(await screen.findByTestId('settings-saved')).toHaveTextContent('Saved');
    expect(name).toHaveValue('Ana Pérez');
  });

  it('saves with Enter', async () => {
    const { user, onsave } = setup();
    await user.type(screen.getByTestId('user-name'), ' B.{Enter}');
    expect(onsave).toHaveBeenCalledWith('Ana B.');
  });

  it('does not save an empty or too long name, and says why', async () => {
    const { user, onsave } = setup();
    const name = screen.getByTestId('user-name');
    await user.clear(name);
    expect(screen.getByTestId('user-name-problem')).toHaveTextContent('cannot be empty');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByTestId('save-settings'));
    expect(onsave).not.toHaveBeenCalled();
    expect(name).toHaveFocus();

    await user.type(name, 'x'.repeat(101));
    expect(screen.getByTestId('user-name-problem')).toHaveTextContent(
      'Use at most 100 characters (this name has 101).',
    );
    await user.click(screen.getByTestId('save-settings'));
    expect(onsave).not.toHaveBeenCalled();

    await user.type(name, '{Backspace}');
    expect(screen.queryByTestId('user-name-problem')).not.toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'false');
  });

  it('cannot save twice at once', async () => {
    let finish: () => void = () => {};
    const onsave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user } = setup(onsave);
    await user.click(screen.getByTestId('save-settings'));
    const save = screen.getByTestId('save-settings');
    expect(save).toBeDisabled();
    expect(save).toHaveTextContent('Saving…');
    finish();
    await waitFor(() => expect(save).toBeEnabled());
    expect(onsave).toHaveBeenCalledTimes(1);
  });

  it('shows why saving failed, in the words of the error', async () => {
    const onsave = vi.fn(async () => {
      throw { kind: 'database', message: 'The name could not be saved: the disk is full.' };
    });
    const { user } = setup(onsave);
    await user.click(screen.getByTestId('save-settings'));
    expect(await screen.findByTestId('settings-error')).toHaveTextContent(
      'The name could not be saved: the disk is full.',
    );
    expect(screen.queryByTestId('settings-saved')).not.toBeInTheDocument();
    expect(screen.getByTestId('save-settings')).toBeEnabled();
  });

  it('closes with Escape and gives focus back', async () => {
    const { user, onclose, view, opener } = setup();
    await user.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalledTimes(1);
    view.unmount();
    // Given back once the update that removed the dialog is applied.
    await tick();
    expect(opener).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    const { user } = setup();
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    // Shift+Tab on the first button goes round to the last one.
    const [first, last] = screen.getAllByRole('button', { name: 'Close' });
    first!.focus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
    await user.tab();
    expect(first).toHaveFocus();
    // From the dialog itself (a click on its background), Shift+Tab stays inside too.
    dialog.focus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
  });
});

describe('SettingsDialog organization', () => {
  it('shows the organization’s name and saves it on its own', async () => {
    vi.mocked(api.setOrganizationName).mockResolvedValue({
      name: 'Rights Watch Coalition',
      logo: null,
    });
    const { user, onsave } = setup();
    const name = await screen.findByTestId('settings-org-name');
    expect(name).toHaveValue('Rights Watch');
    expect(name).toHaveAccessibleName('Organization name (shown at the top of exported documents)');
    expect(screen.getByTestId('settings-logo-none')).toHaveTextContent('No logo');
    expect(screen.queryByTestId('settings-logo-remove')).not.toBeInTheDocument();
    await user.clear(name);
    await user.type(name, '  Rights   Watch Coalition ');
    await user.click(screen.getByTestId('settings-org-save'));
    expect(api.setOrganizationName).toHaveBeenCalledWith('Rights Watch Coalition');
    expect(await screen.findByTestId('settings-org-saved')).toHaveTextContent('Saved');
    expect(name).toHaveValue('Rights Watch Coalition');
    // The user's own name is another Save.
    expect(onsave).not.toHaveBeenCalled();
  });

  it('does not save a name too long, and shows why the app refused one', async () => {
    vi.mocked(api.setOrganizationName).mockRejectedValue({
      kind: 'database',
      message: 'The name could not be saved: the disk is full.',
    });
    const { user } = setup();
    const name = await screen.findByTestId('settings-org-name');
    await user.type(name, 'x'.repeat(200));
    expect(screen.getByTestId('settings-org-name-problem')).toHaveTextContent(
      'Use at most 200 characters',
    );
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByTestId('settings-org-save'));
    expect(api.setOrganizationName).not.toHaveBeenCalled();
    expect(name).toHaveFocus();

    await user.clear(name);
    await user.type(name, 'Rights Watch{Enter}');
    expect(api.setOrganizationName).toHaveBeenCalledWith('Rights Watch');
    expect(await screen.findByTestId('settings-org-error')).toHaveTextContent(
      'The name could not be saved: the disk is full.',
    );
    expect(screen.queryByTestId('settings-org-saved')).not.toBeInTheDocument();
  });

  it('chooses a logo, shows it, says why a file was refused, and removes it', async () => {
    vi.mocked(api.chooseOrganizationLogo)
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce({ name: 'Rights Watch', logo: LOGO })
      .mockRejectedValueOnce({
        kind: 'invalid_input',
        message: 'This file is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.',
      });
    vi.mocked(api.removeOrganizationLogo).mockResolvedValue({ name: 'Rights Watch', logo: null });
    const { user } = setup();
    const choose = await screen.findByTestId('settings-logo-choose');
    expect(choose).toHaveTextContent('Choose logo…');
    // Cancelled: nothing changes, nothing is said.
    await user.click(choose);
    expect(api.chooseOrganizationLogo).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('settings-logo-none')).toBeInTheDocument();

    await user.click(choose);
    const preview = await screen.findByTestId('settings-logo-preview');
    expect(preview).toHaveAttribute('src', LOGO.data_url);
    expect(preview).toHaveAccessibleName('Organization logo');
    expect(screen.getByTestId('settings-logo-size')).toHaveTextContent('PNG, 400 × 120 pixels');

    await user.click(screen.getByTestId('settings-logo-choose'));
    expect(await screen.findByTestId('settings-logo-error')).toHaveTextContent(
      'This file is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.',
    );
    expect(screen.getByTestId('settings-logo-preview')).toBeInTheDocument();

    await user.click(screen.getByTestId('settings-logo-remove'));
    await waitFor(() =>
      expect(screen.queryByTestId('settings-logo-preview')).not.toBeInTheDocument(),
    );
    expect(api.removeOrganizationLogo).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('settings-logo-error')).not.toBeInTheDocument();
  });

  it('says when the organization could not be loaded, and tries again', async () => {
    vi.mocked(api.organization)
      .mockRejectedValueOnce({ kind: 'database', message: 'The database is busy.' })
      .mockResolvedValueOnce({ name: '', logo: LOGO });
    const { user } = setup();
    const failed = await screen.findByTestId('settings-org-failed');
    expect(failed).toHaveTextContent('The database is busy.');
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('settings-logo-preview')).toBeInTheDocument();
    expect(screen.getByTestId('settings-org-name')).toHaveValue('');
  });
});
