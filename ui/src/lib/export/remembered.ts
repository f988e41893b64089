// The export's choices remembered on this computer: the last template chosen, and for each
// template the last format (a briefing in Word, the matrix in Excel). Whatever is stored, a bad
// value only loses the default.
import type { ExportFormat, ExportTemplate } from '../ipc/types';
import { EXPORT_FORMATS, TEMPLATES } from './labels';
import type { ExportChoice, ExportContext } from './request';
import { hasSelection } from './request';

export const EXPORT_KEY = 'docket.export';

/** The format of a template never exported yet. */
const DEFAULT_FORMAT: ExportFormat = 'docx';

export interface Remembered {
  template: ExportTemplate | null;
  formats: Partial<Record<ExportTemplate, ExportFormat>>;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isTemplate(value: unknown): value is ExportTemplate {
  return typeof value === 'string' && (TEMPLATES as readonly string[]).includes(value);
}

function isFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** What was chosen last; nothing for what is missing, unreadable or unknown. */
export function remembered(): Remembered {
  const empty: Remembered = { template: null, formats: {} };
  let stored: unknown;
  try {
    stored = JSON.parse(storage()?.getItem(EXPORT_KEY) ?? 'null');
  } catch {
    return empty;
  }
  if (typeof stored !== 'object' || stored === null) return empty;
  const { template, formats } = stored as Record<string, unknown>;
  const out: Remembered = { template: isTemplate(template) ? template : null, formats: {} };
  if (typeof formats === 'object' && formats !== null) {
    for (const [key, value] of Object.entries(formats)) {
      if (isTemplate(key) && isFormat(value)) out.formats[key] = value;
    }
  }
  return out;
}

/** Remembers a template and its format for the next export (quietly, without storage). */
export function remember(template: ExportTemplate, format: ExportFormat): void {
  const last = remembered();
  const next: Remembered = { template, formats: { ...last.formats, [template]: format } };
  try {
    storage()?.setItem(EXPORT_KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only loses the default.
  }
}

/** The format to offer first for a template: the one used last for it. */
export function formatFor(template: ExportTemplate, last: Remembered): ExportFormat {
  return last.formats[template] ?? DEFAULT_FORMAT;
}

/**
 * What the dialog shows first: the template used last if it is offered here (else the place's
 * own), its last format, the selection when there is one, the State the place is about.
 */
export function initialChoice(context: ExportContext, last: Remembered): ExportChoice {
  const offered = context.templates;
  const template =
    last.template !== null && offered.includes(last.template)
      ? last.template
      : offered.includes(context.template)
        ? context.template
        : (offered[0] ?? context.template);
  return {
    template,
    format: formatFor(template, last),
    scope: hasSelection(context) ? 'selection' : 'all',
    states: context.state !== null ? 'one' : 'every',
    state: context.state ?? context.states[0] ?? '',
  };
}
