// Words the import screens use for formats, columns and encodings.
import type { Field, FileProblem, Format } from '../ipc/types';

export const FORMAT_LABELS: Record<Format, string> = {
  'upr-info': 'UPR Info database export',
  uhri: 'Universal Human Rights Index (UHRI) export',
  report: "Working Group report (the UN report's text)",
  'thematic-list': 'OHCHR thematic list with positions',
  responses: "The State's responses (addendum)",
  csv: 'Spreadsheet (columns mapped by you)',
};

export const FORMATS = Object.keys(FORMAT_LABELS) as Format[];

export const FIELD_LABELS: Record<Field, string> = {
  text: 'Recommendation text',
  paragraph: 'Paragraph number',
  states: 'Recommending State(s)',
  position: 'Position (supported / noted)',
  themes: 'Themes',
  groups_of_persons: 'Groups of persons',
  sdgs: 'SDGs',
  action_category: 'Action category (1-5)',
  state_under_review: 'State under review',
  session: 'UPR session',
  cycle: 'UPR cycle',
  review_date: 'Date of the review',
  position_source: 'Source of the position',
  report_symbol: 'Report symbol (e.g. A/HRC/46/15)',
  priority: 'Our priority',
  our_ask: 'Our ask',
  lobbying_status: 'Lobbying status',
  implementation_status: 'Implementation status',
  assignee: 'Assignee',
  tags: 'Tags',
  notes: 'Notes',
  evidence: 'Evidence (label <address>, one per line)',
  ignore: '— not imported —',
};

export const FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** Encodings a person may need to choose when the text looks wrong (WHATWG labels). */
export const ENCODINGS: { label: string; value: string }[] = [
  { value: 'utf-8', label: 'Unicode (UTF-8)' },
  { value: 'utf-16le', label: 'Unicode (UTF-16, Windows "Unicode text")' },
  { value: 'utf-16be', label: 'Unicode (UTF-16 big-endian)' },
  { value: 'windows-1252', label: 'Western European (Windows)' },
  { value: 'macintosh', label: 'Western European (Mac)' },
  { value: 'iso-8859-15', label: 'Western European (ISO 8859-15)' },
  { value: 'windows-1250', label: 'Central European (Windows)' },
  { value: 'windows-1251', label: 'Cyrillic (Windows)' },
  { value: 'windows-1253', label: 'Greek (Windows)' },
  { value: 'windows-1254', label: 'Turkish (Windows)' },
  { value: 'windows-1256', label: 'Arabic (Windows)' },
  { value: 'x-mac-cyrillic', label: 'Cyrillic (Mac)' },
];

/** The label of an encoding Docket detected or was given (its WHATWG name, any case). */
export function encodingLabel(name: string): string {
  const found = ENCODINGS.find((e) => e.value.toLowerCase() === name.toLowerCase());
  return found ? found.label : name;
}

/** "report.csv, line 12, column 3". */
export function problemPlace(problem: FileProblem): string {
  let place = problem.file;
  if (problem.line !== null) place += `, line ${problem.line}`;
  if (problem.column !== null) place += `, column ${problem.column}`;
  return place;
}
