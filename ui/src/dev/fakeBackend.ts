// A fake of the Rust commands, for component tests and for `VITE_MOCK=1 npm run dev`.
// Never imported by production code (main.ts loads it only when import.meta.env.DEV is true).
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AppEvent,
  AppInfo,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportSummary,
  EvidenceLink,
  HistoryEntry,
  IpcError,
  Position,
  RecommendationDetail,
  RecommendationPage,
  RecommendationRow,
  ReviewSummary,
  StateRef,
  Tracking,
  TrackingEdit,
} from '../lib/ipc/types';

export interface FakeOptions {
  /** Recommendations in the sample review (default 347). */
  total?: number;
  /** Whether the sample review is already in the database at start (default true). */
  loaded?: boolean;
  /** Text of the recommendation at `index` (default: realistic sample sentences). */
  text?: (index: number) => string;
  /** Command name → value the command rejects with ('*' = every command). */
  failWith?: Record<string, unknown>;
  /** Simulated delay of every command, in ms (default 0). */
  latencyMs?: number;
  /** What the file dialog answers (default: null, as if cancelled). */
  pickFile?: string | null;
  /** The preview of an import request (default: the US 2020 CSV through the column mapping). */
  preview?: (request: ImportRequest) => Omit<ImportPreview, 'token'>;
}

/** Something sent through a Tauri channel (the fake calls its handler directly). */
interface FakeChannel<T> {
  onmessage: (message: T) => void;
}

/** The default preview: 347 new recommendations read through a guessed column mapping. */
export function usPreview(request: ImportRequest): Omit<ImportPreview, 'token'> {
  const mapping = request.mapping ?? {
    columns: ['paragraph', 'states', 'position', 'themes', 'text'],
  };
  const hasText = mapping.columns.includes('text');
  const summary: ImportSummary = {
    reviews_created: 1,
    reviews: [
      {
        // The fake has one review: the import creates it.
        id: SAMPLE_REVIEW.id,
        state_under_review: 'United States of America',
        session: 36,
        recommendations: 347,
        created: true,
      },
    ],
    recommendations_created: 347,
    recommendations_updated: 0,
    unchanged: 0,
    positions_found: 347,
    skipped: 0,
    problems: [],
    committed: false,
    backup: null,
  };
  return {
    file: 'recommendations.csv',
    format: request.format ?? 'csv',
    rows: 347,
    skipped: 0,
    source: {
      encoding: request.encoding ?? 'UTF-8',
      header: ['paragraph', 'recommending_states', 'position', 'theme', 'text'],
      mapping,
      mapping_source: request.mapping ? 'chosen' : 'guessed',
    },
    reviews_read: [],
    needs_review:
      request.review || request.review_id
        ? null
        : 'The file has no column for the State under review or the session. Choose the review these recommendations belong to, or enter the State and session.',
    blocked: hasText
      ? null
      : 'Docket could not recognise recommendations.csv: no column holds the text. Choose the format, or map its columns.',
    unknown_states: [{ name: 'ACT Group', occurrences: 1, suggestions: [] }],
    summary: (request.review || request.review_id) && hasText ? summary : null,
    problems: [
      { file: 'recommendations.csv', line: 349, column: 1, message: 'This row has no text.' },
    ],
  };
}

export interface FakeCall {
  command: string;
  args: Record<string, unknown>;
}

const STATES: StateRef[] = [
  { name: 'Algeria', iso3: 'DZA', regional_group: 'African States' },
  { name: 'Cabo Verde', iso3: 'CPV', regional_group: 'African States' },
  { name: 'Paraguay', iso3: 'PRY', regional_group: 'GRULAC' },
  { name: 'Bolivarian Republic of Venezuela', iso3: 'VEN', regional_group: 'GRULAC' },
  { name: 'France', iso3: 'FRA', regional_group: 'WEOG' },
  { name: 'Republic of Korea', iso3: 'KOR', regional_group: 'Asia-Pacific States' },
  { name: 'Czechia', iso3: 'CZE', regional_group: 'EEG' },
  { name: 'Mexico', iso3: 'MEX', regional_group: 'GRULAC' },
  { name: 'Sierra Leone', iso3: 'SLE', regional_group: 'African States' },
  { name: 'ACT Group', iso3: null, regional_group: null },
];

const TEXTS = [
  'Ratify the International Covenant on Economic, Social and Cultural Rights',
  'Abolish the death penalty at the federal level and establish a moratorium on executions with a view to its complete abolition',
  'Take measures to eliminate racial discrimination in law enforcement, including by ensuring that all allegations of excessive use of force by police officers are promptly, impartially and effectively investigated',
  'Ratify the Convention on the Elimination of All Forms of Discrimination against Women',
  'Guarantee the rights of migrants, including children, and end the practice of family separation at the border',
  'Strengthen measures to combat gun violence',
];

const POSITIONS: Position[] = ['supported', 'noted', 'supported_in_part', 'noted', 'supported'];

const SAMPLE_REVIEW: Omit<ReviewSummary, 'recommendations'> = {
  id: 1,
  state_under_review: 'United States of America',
  sur_iso3: 'USA',
  cycle: 3,
  wg_session: 36,
  review_date: '2020-11-09',
  report_symbol: 'A/HRC/46/15',
  addendum_symbol: 'A/HRC/46/15/Add.1',
  adoption_date: '2021-03-17',
};

function emptyTracking(): Tracking {
  return {
    priority: null,
    our_ask: '',
    lobbying_status: 'not_started',
    implementation_status: 'not_assessed',
    assignee: '',
    tags: [],
    notes: '',
    evidence: [],
  };
}

function ipcError(kind: IpcError['kind'], message: string): IpcError {
  return { kind, message };
}

export class FakeBackend {
  readonly calls: FakeCall[] = [];
  readonly total: number;
  loaded: boolean;
  failWith: Record<string, unknown>;
  readonly #text: (index: number) => string;
  readonly #latencyMs: number;
  readonly #details = new Map<number, RecommendationDetail>();
  #nextId = 1;
  pickFile: string | null;
  readonly #preview: (request: ImportRequest) => Omit<ImportPreview, 'token'>;
  #pending: { token: number; preview: Omit<ImportPreview, 'token'> } | null = null;
  #cancelled = false;
  /** The UI's channel for menu choices and dropped files, once it subscribed. */
  events: FakeChannel<AppEvent> | null = null;

  constructor(options: FakeOptions = {}) {
    this.total = options.total ?? 347;
    this.loaded = options.loaded ?? true;
    this.failWith = options.failWith ?? {};
    this.#text = options.text ?? ((index) => `${TEXTS[index % TEXTS.length]}`);
    this.#latencyMs = options.latencyMs ?? 0;
    this.pickFile = options.pickFile ?? null;
    this.#preview = options.preview ?? usPreview;
  }

  /** Sends a menu choice or a dropped file to the UI, as the window does. */
  emit(event: AppEvent): void {
    this.events?.onmessage(event);
  }

  /** Calls made so far to `command`. */
  callsTo(command: string): FakeCall[] {
    return this.calls.filter((call) => call.command === command);
  }

  handle = async (command: string, rawArgs: unknown): Promise<unknown> => {
    const args = (rawArgs ?? {}) as Record<string, unknown>;
    this.calls.push({ command, args });
    if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
    const failure = this.failWith[command] ?? this.failWith['*'];
    if (failure !== undefined) throw failure;
    switch (command) {
      case 'app_info':
        return {
          version: '0.1.0',
          data_dir: '/home/ana/.local/share/org.docket.app',
          db_path: '/home/ana/.local/share/org.docket.app/docket.sqlite3',
          user_name: 'Ana',
        } satisfies AppInfo;
      case 'list_reviews':
        return this.loaded ? [{ ...SAMPLE_REVIEW, recommendations: this.total }] : [];
      case 'open_sample':
        this.loaded = true;
        return SAMPLE_REVIEW.id;
      case 'list_recommendations':
        return this.#page(args);
      case 'get_recommendation':
        return structuredClone(this.#detail(this.#id(args)));
      case 'edit_tracking':
        return structuredClone(this.#edit(this.#id(args), args['edit'] as TrackingEdit));
      case 'choose_import_file':
        return this.pickFile;
      case 'subscribe_app_events':
        this.events = args['channel'] as FakeChannel<AppEvent>;
        return null;
      case 'cancel_import':
        this.#cancelled = true;
        return null;
      case 'preview_import':
        return this.#previewImport(args);
      case 'commit_import':
        return this.#commitImport(args);
      default:
        throw `command ${command} not found`;
    }
  };

  async #work(channel: unknown, phase: ImportProgress['phase'], total: number): Promise<void> {
    this.#cancelled = false;
    const progress = channel as FakeChannel<ImportProgress>;
    for (let done = 0; done <= total; done += Math.max(1, Math.ceil(total / 4))) {
      progress.onmessage({ phase, done, total });
      if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
      if (this.#cancelled) throw ipcError('cancelled', 'Cancelled: nothing was changed.');
    }
  }

  async #previewImport(args: Record<string, unknown>): Promise<ImportPreview> {
    const request = args['request'] as ImportRequest;
    const preview = this.#preview(request);
    await this.#work(args['onProgress'], 'checking', preview.rows);
    const token = this.#nextId++;
    this.#pending = { token, preview };
    return { token, ...structuredClone(preview) };
  }

  async #commitImport(args: Record<string, unknown>): Promise<ImportSummary> {
    const pending = this.#pending;
    if (!pending || pending.token !== args['token'] || !pending.preview.summary) {
      throw ipcError('invalid_input', 'This preview is out of date. Preview the file again.');
    }
    await this.#work(args['onProgress'], 'importing', pending.preview.rows);
    this.#pending = null;
    this.loaded = true;
    return {
      ...structuredClone(pending.preview.summary),
      committed: true,
      backup: '/home/ana/.local/share/org.docket.desktop/backups/docket-20261124.sqlite3',
    };
  }

  #page(args: Record<string, unknown>): RecommendationPage {
    if (!this.loaded || args['reviewId'] !== SAMPLE_REVIEW.id) {
      throw ipcError('not_found', 'This review is no longer in Docket. Choose another review.');
    }
    const offset = Number(args['offset']);
    const limit = Number(args['limit']);
    const rows: RecommendationRow[] = [];
    for (let i = offset; i < Math.min(this.total, offset + limit); i++) rows.push(this.#row(i));
    return { total: this.total, offset, rows };
  }

  #id(args: Record<string, unknown>): number {
    const id = Number(args['id']);
    if (!Number.isInteger(id) || id < 1 || id > this.total) {
      throw ipcError('not_found', 'This recommendation is no longer in Docket.');
    }
    return id;
  }

  #states(index: number): StateRef[] {
    const count = 1 + (index % 3);
    return Array.from({ length: count }, (_, k) => STATES[(index + k * 4) % STATES.length]!);
  }

  #row(index: number): RecommendationRow {
    const detail = this.#details.get(index + 1);
    return {
      id: index + 1,
      paragraph: `26.${index + 1}`,
      text: detail?.text ?? this.#text(index),
      states: this.#states(index).map((s) => s.name),
      position: POSITIONS[index % POSITIONS.length]!,
      priority: detail?.tracking.priority ?? null,
      lobbying_status: detail?.tracking.lobbying_status ?? 'not_started',
    };
  }

  #detail(id: number): RecommendationDetail {
    let detail = this.#details.get(id);
    if (!detail) {
      const index = id - 1;
      detail = {
        id,
        review_id: SAMPLE_REVIEW.id,
        paragraph: `26.${id}`,
        text: this.#text(index),
        position: POSITIONS[index % POSITIONS.length]!,
        position_source: 'A/HRC/46/15/Add.1 - Para.3',
        recommending_states: this.#states(index),
        themes: index % 2 === 0 ? ['Death penalty', 'Right to life'] : [],
        groups_of_persons: index % 3 === 0 ? ['Women', 'Migrants'] : [],
        sdgs: index % 2 === 0 ? ['16 - PEACE, JUSTICE AND STRONG INSTITUTIONS'] : [],
        action_category: index % 4 === 0 ? 5 : null,
        tracking: emptyTracking(),
        history: [],
      };
      this.#details.set(id, detail);
    }
    return detail;
  }

  #edit(id: number, edit: TrackingEdit): RecommendationDetail {
    const detail = this.#detail(id);
    const t = detail.tracking;
    let old: string | null = null;
    let now: string | null = null;
    switch (edit.field) {
      case 'priority':
        old = t.priority;
        t.priority = edit.value;
        now = edit.value;
        break;
      case 'our_ask':
      case 'assignee':
      case 'notes':
        old = t[edit.field];
        t[edit.field] = edit.value;
        now = edit.value;
        break;
      case 'lobbying_status':
        old = t.lobbying_status;
        t.lobbying_status = edit.value;
        now = edit.value;
        break;
      case 'implementation_status':
        old = t.implementation_status;
        t.implementation_status = edit.value;
        now = edit.value;
        break;
      case 'add_tag':
        if (!edit.value.trim()) throw ipcError('invalid_input', 'A tag cannot be empty.');
        if (!t.tags.includes(edit.value)) t.tags.push(edit.value);
        now = edit.value;
        break;
      case 'remove_tag':
        t.tags = t.tags.filter((tag) => tag !== edit.value);
        old = edit.value;
        break;
      case 'add_evidence': {
        if (!/^https?:\/\//.test(edit.value.url)) {
          throw ipcError(
            'invalid_input',
            'The web address must start with http:// or https://. Check it and try again.',
          );
        }
        const link: EvidenceLink = { id: this.#nextId++, ...edit.value };
        t.evidence.push(link);
        now = edit.value.url;
        break;
      }
      case 'remove_evidence': {
        const link = t.evidence.find((e) => e.id === edit.value);
        t.evidence = t.evidence.filter((e) => e.id !== edit.value);
        old = link?.url ?? null;
        break;
      }
    }
    const entry: HistoryEntry = {
      id: this.#nextId++,
      at: new Date().toISOString(),
      who: 'Ana',
      field: edit.field,
      old_value: old,
      new_value: now,
    };
    detail.history.unshift(entry);
    return detail;
  }
}

/** Answers every `invoke` with the fake backend; returns it so a test can inspect the calls. */
export function installFakeBackend(options: FakeOptions = {}): FakeBackend {
  const backend = new FakeBackend(options);
  mockIPC((command, args) => backend.handle(command, args));
  return backend;
}
