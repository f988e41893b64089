// Dev-only entry: `VITE_MOCK=1 npm run dev` runs the UI in a plain browser against the fake backend.
// Options come from VITE_MOCK_* variables or, to switch without restarting, the page's query:
// ?total=100000, ?empty (first-run screen), ?one (only the sample review),
// ?fatal=newer_database|corrupt_database.
import type { ErrorKind } from '../lib/ipc/types';
import { installFakeBackend } from './fakeBackend';

const FATAL_MESSAGES: Partial<Record<ErrorKind, string>> = {
  newer_database:
    'Your data was saved by a newer version of Docket, so this version cannot open it. The file was kept untouched. Install the latest version of Docket to open it.',
  corrupt_database:
    'Your data file is damaged, so Docket cannot open it. The file was kept untouched. Restore your latest backup, or ask whoever supports you to look at the file.',
};

export function installDevMock(): void {
  const env = import.meta.env;
  const query = new URLSearchParams(window.location.search);
  const total = query.get('total') ?? env.VITE_MOCK_TOTAL;
  const fatal = (query.get('fatal') ?? env.VITE_MOCK_FATAL) as ErrorKind | undefined;
  const fatalMessage = fatal ? FATAL_MESSAGES[fatal] : undefined;
  installFakeBackend({
    total: total ? Number(total) : 347,
    loaded: !query.has('empty') && env.VITE_MOCK_EMPTY !== '1',
    latencyMs: 60,
    // A second, small review, so that "All reviews" has something to show.
    otherReview: query.has('one') ? 0 : 12,
    failWith: fatalMessage ? { '*': { kind: fatal, message: fatalMessage } } : {},
  });
}
