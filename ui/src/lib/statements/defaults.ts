// What a new statement starts with, and the statement as the editor sends it back to be saved.
import type {
  CalendarEvent,
  EcosocStatus,
  NewStatement,
  ReviewSummary,
  Statement,
  StatementKind,
  StatementSummary,
} from '../ipc/types';
import { ECOSOC_STATUSES } from '../ipc/labels';
import { DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_WORDS_PER_MINUTE } from './words';

/** Where the last ECOSOC status and organization chosen are remembered (this computer only). */
export const ECOSOC_KEY = 'docket.statements.ecosocStatus';
export const ORGANIZATION_KEY = 'docket.statements.organization';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The ECOSOC status last chosen on this computer; general status when none was. */
function rememberedEcosoc(): EcosocStatus {
  const value = storage()?.getItem(ECOSOC_KEY);
  return ECOSOC_STATUSES.find((s) => s === value) ?? 'general';
}

/** The organization last written on this computer; empty when none was. */
function rememberedOrganization(): string {
  return storage()?.getItem(ORGANIZATION_KEY) ?? '';
}

/** Remembers a choice for the next new statement (quietly does nothing without storage). */
export function remember(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // A full or disabled storage only loses the default.
  }
}

/** The Council session of a review's adoption: "Adoption of the outcome (HRC 46)" → 46. */
export function hrcSessionOf(events: readonly CalendarEvent[]): number | null {
  const adoption = events.find((e) => e.kind === 'adoption');
  const match = adoption ? /\bHRC\s*(\d+)/u.exec(adoption.title) : null;
  return match ? Number(match[1]) : null;
}

/** A new statement's title. */
export function defaultTitle(
  kind: StatementKind,
  review: Pick<ReviewSummary, 'state_under_review'> | null,
  hrcSession: number | null,
): string {
  if (kind === 'oral') {
    return review
      ? `Oral statement on the adoption of ${review.state_under_review}'s UPR outcome`
      : hrcSession !== null
        ? `Oral statement at HRC${hrcSession}`
        : 'Oral statement';
  }
  return hrcSession !== null ? `Written statement for HRC${hrcSession}` : 'Written statement';
}

/** A new statement with what is known: the review, its session, the last status chosen. */
export function newStatement(
  kind: StatementKind,
  review: Pick<ReviewSummary, 'id' | 'state_under_review'> | null,
  hrcSession: number | null,
  timeLimitSeconds: number = DEFAULT_TIME_LIMIT_SECONDS,
): NewStatement {
  return {
    kind,
    title: defaultTitle(kind, review, hrcSession),
    hrc_session: hrcSession,
    review_id: review?.id ?? null,
    debate: '',
    organization: rememberedOrganization(),
    ecosoc_status: rememberedEcosoc(),
    co_signers: [],
    speaker: '',
    words_per_minute: DEFAULT_WORDS_PER_MINUTE,
    time_limit_seconds: timeLimitSeconds,
    text: '',
    recommendation_ids: [],
  };
}

/** A saved statement's content, as it is sent back to be saved. */
export function contentOf(statement: Statement): NewStatement {
  return {
    kind: statement.kind,
    title: statement.title,
    hrc_session: statement.hrc_session,
    review_id: statement.review_id,
    debate: statement.debate,
    organization: statement.organization,
    ecosoc_status: statement.ecosoc_status,
    co_signers: [...statement.co_signers],
    speaker: statement.speaker,
    words_per_minute: statement.words_per_minute,
    time_limit_seconds: statement.time_limit_seconds,
    text: statement.text,
    recommendation_ids: statement.recommendations.map((r) => r.id),
  };
}

/** A statement (or what the list needs of one) as the list shows it. */
export function summaryOf(statement: StatementSummary): StatementSummary {
  return {
    id: statement.id,
    kind: statement.kind,
    title: statement.title,
    review_id: statement.review_id,
    hrc_session: statement.hrc_session,
    status: statement.status,
    budget: statement.budget,
    updated_at: statement.updated_at,
  };
}
