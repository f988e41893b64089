// The export's documents and file formats as people read them (the Rust side names them the same
// way: crates/docket-core/src/export/mod.rs `Template::label`, `ExportFormat::label`).
import type { ExportFormat, ExportTemplate } from '../ipc/types';

/** Every template, in the order they are offered. */
export const TEMPLATES: readonly ExportTemplate[] = [
  'thematic',
  'state',
  'matrix',
  'statement',
  'calendar',
];

export const TEMPLATE_LABELS: Record<ExportTemplate, string> = {
  thematic: 'Thematic briefing',
  state: 'State lobbying sheet',
  matrix: 'Recommendations matrix (OHCHR style)',
  statement: 'Statement',
  calendar: 'Calendar overview',
};

/** What each document holds, under the choice of it. */
export const TEMPLATE_HINTS: Record<ExportTemplate, string> = {
  thematic:
    'The recommendations grouped by theme, with their position, your priority and your ask, and a table of the positions.',
  state:
    'For each recommending State: what it recommended, the position so far, your asks and your last meeting.',
  matrix:
    'The matrix OHCHR asks for: recommendation, position, source, your assessment and evidence, with the words counted against the submission limit.',
  statement:
    'An oral statement as a script in large type with time marks, or a written statement as submitted.',
  calendar: 'The review’s dates and your organization’s deadlines for it.',
};

/** Every format (each template can be written in each). */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'md', 'html', 'csv', 'xlsx'];

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word (.docx)',
  pdf: 'PDF (.pdf)',
  md: 'Markdown (.md)',
  html: 'Web page (.html)',
  csv: 'CSV for Excel (.csv)',
  xlsx: 'Excel (.xlsx)',
};

/** The templates made of recommendations (narrowed by the search or the selection). */
export function usesRecommendations(template: ExportTemplate): boolean {
  return template === 'thematic' || template === 'state' || template === 'matrix';
}
