// The export in the fake backend (see fakeBackend.ts): what a document will hold (counted from
// the fake's recommendations, statements and calendar), the file "written" with its progress (no
// file is written: the path is made up), the files opened or shown, and the organization named at
// the top of the documents with its logo. Plausible numbers are enough here: the real documents
// are made by crates/docket-core/src/export.
import { reviewLabel } from '../lib/calendar/labels';
import { countLabel } from '../lib/format';
import { EXPORT_FORMATS, TEMPLATE_LABELS, TEMPLATES } from '../lib/export/labels';
import { POSITION_LABELS, POSITIONS } from '../lib/ipc/labels';
import type {
  ExportDone,
  ExportProgress,
  ExportRequest,
  ExportSummary,
  FacetFilter,
  IpcError,
  OrganizationInfo,
  OrganizationLogo,
  Position,
  ReviewSummary,
  StatementSummary,
} from '../lib/ipc/types';
import { countWords } from '../lib/statements/words';

function ipcError(kind: IpcError['kind'], message: string): IpcError {
  return { kind, message };
}

/** What a document needs of a recommendation. */
export interface ExportRecommendation {
  id: number;
  review_id: number;
  paragraph: string;
  text: string;
  position: Position;
  states: string[];
  themes: string[];
}

export interface FakeExportOptions {
  reviews: () => ReviewSummary[];
  /** The recommendations of a review matching words and filters, in paragraph order. */
  found: (reviewId: number, query: string, filters: FacetFilter[]) => ExportRecommendation[];
  /** The statements of a review. */
  statements: (reviewId: number) => StatementSummary[];
  /** One statement's title and text (rejects when it is not in the fake). */
  statement: (id: number) => { review_id: number | null; title: string; text: string };
  /** The dates and deadlines of a review's calendar. */
  events: (reviewId: number) => number;
  /** Where the save dialog puts the file (default: Documents; null: the dialog is cancelled). */
  folder?: string | null;
  /** Simulated work between progress messages, ms (default 0). */
  latencyMs?: number;
}

/** The commands this part of the fake answers. */
export const EXPORT_COMMANDS: ReadonlySet<string> = new Set([
  'export_preview',
  'export_document',
  'open_export',
  'reveal_export',
  'organization',
  'set_organization_name',
  'choose_organization_logo',
  'remove_organization_logo',
]);

/** A tiny logo (24 × 8 pixels: three blue blocks), as the app sends a PNG logo. */
export const FAKE_LOGO: OrganizationLogo = {
  format: 'png',
  width: 24,
  height: 8,
  data_url:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAAAAICAIAAABsw6g0AAAAHklEQVR42mP4TyXAAMTy8fvhCCJKhsioQXQ2iCoAALBaldAsmgHIAAAAAElFTkSuQmCC',
};

/** What the logo's file dialog answers: a PNG, nothing (cancelled), or a file Docket refuses. */
export type LogoPick = 'png' | 'cancel' | 'too_big' | 'not_image';

/** As crates/docket-core/src/store/organization.rs `MAX_ORGANIZATION_NAME`. */
const MAX_ORGANIZATION_NAME = 200;

/** A file name safe on every system. */
function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|]+/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

export class FakeExport {
  readonly #options: FakeExportOptions;
  /** Where the save dialog puts files; null: it is cancelled. */
  folder: string | null;
  /** The next export fails with this (after its first progress message), once set. */
  failure: IpcError | null = null;
  /** What the logo's file dialog answers. */
  pickLogo: LogoPick = 'png';
  /** The files written, by id. */
  readonly files = new Map<number, ExportDone>();
  /** The files opened with their app, and shown in their folder (ids, in order). */
  readonly opened: number[] = [];
  readonly revealed: number[] = [];
  organization: OrganizationInfo = { name: '', logo: null };
  #nextId = 1;

  constructor(options: FakeExportOptions) {
    this.#options = options;
    this.folder = options.folder === undefined ? '/home/ana/Documents' : options.folder;
  }

  async handle(command: string, args: Record<string, unknown>): Promise<unknown> {
    switch (command) {
      case 'export_preview':
        return this.preview(args['request'] as ExportRequest);
      case 'export_document':
        return this.exportDocument(
          args['request'] as ExportRequest,
          args['onProgress'] as { onmessage: (progress: ExportProgress) => void },
        );
      case 'open_export':
        this.#file(Number(args['id']));
        this.opened.push(Number(args['id']));
        return null;
      case 'reveal_export':
        this.#file(Number(args['id']));
        this.revealed.push(Number(args['id']));
        return null;
      case 'organization':
        return structuredClone(this.organization);
      case 'set_organization_name':
        return this.setName(String(args['name'] ?? ''));
      case 'choose_organization_logo':
        return this.chooseLogo();
      case 'remove_organization_logo':
        this.organization.logo = null;
        return structuredClone(this.organization);
      default:
        throw `command ${command} not found`;
    }
  }

  #file(id: number): ExportDone {
    const file = this.files.get(id);
    if (!file) {
      throw ipcError(
        'not_found',
        'Docket no longer knows where this file is. Export it again, then open it.',
      );
    }
    return file;
  }

  #review(id: number): ReviewSummary {
    const review = this.#options.reviews().find((r) => r.id === id);
    if (!review) {
      throw ipcError('not_found', 'This review is no longer in Docket. Choose another review.');
    }
    return review;
  }

  /** The recommendations a request is about: its selection, or what its search finds. */
  #recommendations(request: ExportRequest): ExportRecommendation[] {
    if (request.ids !== null) {
      const wanted = new Set(request.ids);
      const recs = this.#options.found(request.review_id, '', []).filter((r) => wanted.has(r.id));
      if (recs.length === 0) {
        throw ipcError(
          'invalid_input',
          'There is nothing to export: none of the selected recommendations is in this review. Select some, then export again.',
        );
      }
      return recs;
    }
    const recs = this.#options.found(request.review_id, request.query, request.filters);
    if (recs.length === 0) {
      throw ipcError(
        'invalid_input',
        'There is nothing to export: no recommendation matches this search. Remove a filter or change the words, then export again.',
      );
    }
    return recs;
  }

  preview(request: ExportRequest): ExportSummary {
    if (!request || !TEMPLATES.includes(request.template)) {
      throw ipcError('invalid_input', 'Choose the kind of document to export.');
    }
    if (!EXPORT_FORMATS.includes(request.format)) {
      throw ipcError('invalid_input', 'Choose the format of the file to export.');
    }
    const review = this.#review(request.review_id);
    const name = reviewLabel(review);
    const label = TEMPLATE_LABELS[request.template].replace(/ \(.*\)$/u, '');
    const summary: ExportSummary = {
      title: `${label}: ${name}`,
      file_name: safeFileName(`${label} - ${name}.${request.format}`),
      recommendations: 0,
      states: 0,
      statements: 0,
      events: 0,
      words: null,
      word_limits: [],
      lines: [],
    };
    switch (request.template) {
      case 'thematic': {
        const recs = this.#recommendations(request);
        const themes = new Set(recs.flatMap((r) => r.themes));
        const positions = POSITIONS.map((p): [Position, number] => [
          p,
          recs.filter((r) => r.position === p).length,
        ])
          .filter(([, n]) => n > 0)
          .map(([p, n]) => `${n.toLocaleString('en-US')} ${POSITION_LABELS[p].toLowerCase()}`);
        summary.recommendations = recs.length;
        summary.lines = [
          `${countLabel(recs.length, 'recommendation')} in ${countLabel(themes.size, 'theme')}`,
          `Positions: ${positions.join(', ')}`,
        ];
        break;
      }
      case 'state': {
        let recs = this.#recommendations(request);
        const wanted = request.state;
        if (wanted !== null) {
          recs = recs.filter((r) => r.states.includes(wanted));
          if (recs.length === 0) {
            throw ipcError(
              'invalid_input',
              `There is nothing to export: ${wanted} made none of these recommendations. Choose another State, or every State.`,
            );
          }
        }
        const states = new Set(recs.flatMap((r) => r.states));
        summary.recommendations = recs.length;
        summary.states = wanted === null ? states.size : 1;
        summary.title = wanted === null ? summary.title : `${label}: ${wanted}`;
        summary.file_name =
          wanted === null
            ? summary.file_name
            : safeFileName(`${label} - ${wanted}.${request.format}`);
        summary.lines =
          wanted === null
            ? [
                `${countLabel(states.size, 'State')}, one per page`,
                `${countLabel(recs.length, 'recommendation')} in all`,
              ]
            : [`${wanted}: ${countLabel(recs.length, 'recommendation')}`];
        break;
      }
      case 'matrix': {
        const recs = this.#recommendations(request);
        // The text, the paragraph, the States and the position of each row.
        const words = recs.reduce((n, r) => n + countWords(r.text) + 1 + r.states.length + 1, 0);
        summary.recommendations = recs.length;
        summary.words = words;
        // Docket's limits are the stakeholder submission's (export/mod.rs `word_limits`).
        summary.word_limits = [
          { label: 'Submission', limit: 2815 },
          { label: 'Joint submission', limit: 5630 },
        ].map(({ label, limit }) => ({ label, limit, over: Math.max(0, words - limit) }));
        summary.lines = [`${countLabel(recs.length, 'recommendation')}, one row each`];
        break;
      }
      case 'statement': {
        if (request.statement_id !== null) {
          let statement: { title: string; text: string };
          try {
            statement = this.#options.statement(request.statement_id);
          } catch {
            throw ipcError(
              'not_found',
              'This statement is no longer in Docket. It may have been deleted.',
            );
          }
          summary.statements = 1;
          summary.title = statement.title;
          summary.file_name = safeFileName(`${statement.title}.${request.format}`);
          summary.lines = [`${countLabel(countWords(statement.text), 'word')}`];
        } else {
          const statements = this.#options.statements(review.id);
          if (statements.length === 0) {
            throw ipcError(
              'invalid_input',
              'There is nothing to export: this review has no statement yet. Write one in Statements first.',
            );
          }
          summary.statements = statements.length;
          summary.lines = statements.map((s) => s.title);
        }
        break;
      }
      case 'calendar': {
        const events = this.#options.events(review.id);
        if (events === 0) {
          throw ipcError(
            'invalid_input',
            'There is nothing to export: this review has no dates yet. Docket needs its session or the day of its review.',
          );
        }
        summary.events = events;
        summary.lines = [`${countLabel(events, 'date')} and deadlines, in date order`];
        break;
      }
    }
    return summary;
  }

  async #pause(): Promise<void> {
    const ms = this.#options.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** The save dialog, then two progress messages, then the file "written". */
  async exportDocument(
    request: ExportRequest,
    progress: { onmessage: (progress: ExportProgress) => void },
  ): Promise<ExportDone | null> {
    const summary = this.preview(request);
    if (this.folder === null) return null;
    progress.onmessage({ step: 'Reading the recommendations', done: 0, total: 0 });
    await this.#pause();
    const failure = this.failure;
    if (failure) throw failure;
    const rows = Math.max(1, summary.recommendations || summary.events || summary.statements);
    progress.onmessage({ step: 'Writing the document', done: rows, total: rows });
    await this.#pause();
    const separator = this.folder.includes('\\') ? '\\' : '/';
    const done: ExportDone = {
      id: this.#nextId++,
      path: `${this.folder}${separator}${summary.file_name}`,
      file_name: summary.file_name,
      bytes: 9_000 + 640 * rows,
    };
    this.files.set(done.id, done);
    return structuredClone(done);
  }

  setName(raw: string): OrganizationInfo {
    const name = raw.split(/\s+/u).filter(Boolean).join(' ');
    const length = [...name].length;
    if (length > MAX_ORGANIZATION_NAME) {
      throw ipcError(
        'invalid_input',
        `The organization's name is ${length} characters long; Docket takes up to ${MAX_ORGANIZATION_NAME}. Shorten it (an abbreviation is fine).`,
      );
    }
    this.organization.name = name;
    return structuredClone(this.organization);
  }

  chooseLogo(): OrganizationInfo | null {
    switch (this.pickLogo) {
      case 'cancel':
        return null;
      case 'too_big':
        throw ipcError(
          'invalid_input',
          'The logo file is 3.2 MB; Docket takes logos up to 2 MB. Save a smaller copy of it (a logo a few hundred pixels wide is enough) and choose that.',
        );
      case 'not_image':
        throw ipcError(
          'invalid_input',
          'This file is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.',
        );
      case 'png':
        this.organization.logo = structuredClone(FAKE_LOGO);
        return structuredClone(this.organization);
    }
  }
}
