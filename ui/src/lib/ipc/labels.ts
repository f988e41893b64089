import type {
  ContactPlace,
  EcosocStatus,
  ImplementationStatus,
  LobbyingStatus,
  Position,
  Priority,
  StateLobbyingStatus,
  StatementKind,
} from './types';

export const POSITION_LABELS: Record<Position, string> = {
  supported: 'Supported',
  noted: 'Noted',
  supported_in_part: 'Supported in part',
  pending: 'Pending',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const NO_PRIORITY_LABEL = 'Not set';

export const LOBBYING_LABELS: Record<LobbyingStatus, string> = {
  not_started: 'Not started',
  planned: 'Planned',
  in_progress: 'In progress',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

export const IMPLEMENTATION_LABELS: Record<ImplementationStatus, string> = {
  not_assessed: 'Not assessed',
  not_implemented: 'Not implemented',
  partially_implemented: 'Partially implemented',
  fully_implemented: 'Fully implemented',
};

/** Our lobbying of a recommending State (not of one recommendation: `LOBBYING_LABELS`). */
export const STATE_STATUS_LABELS: Record<StateLobbyingStatus, string> = {
  not_contacted: 'Not contacted',
  planned: 'Planned',
  met: 'Met',
  follow_up: 'Follow-up',
  supportive: 'Supportive',
  unresponsive: 'Unresponsive',
};

/** Where a contact works. */
export const PLACE_LABELS: Record<ContactPlace, string> = {
  mission: 'Mission in Geneva',
  capital: 'Capital',
};

export const STATEMENT_KIND_LABELS: Record<StatementKind, string> = {
  oral: 'Oral',
  written: 'Written',
};

/** An organization's ECOSOC status (its written statements' limit depends on it). */
export const ECOSOC_LABELS: Record<EcosocStatus, string> = {
  general: 'General consultative status',
  special: 'Special consultative status',
  roster: 'Roster',
  none: 'No ECOSOC status',
};

/** The UN regional groups: the codes the search uses, and their names. */
export const REGIONAL_GROUP_NAMES: Record<string, string> = {
  African: 'African States',
  'Asia-Pacific': 'Asia-Pacific States',
  EEG: 'Eastern European States',
  GRULAC: 'Latin American and Caribbean States',
  WEOG: 'Western European and other States',
};
export const REGIONAL_GROUPS = Object.keys(REGIONAL_GROUP_NAMES);

/** Options in the order a person expects them (not alphabetical); positions from accepted to not
 * (yet) accepted. */
export const POSITIONS: Position[] = ['supported', 'supported_in_part', 'noted', 'pending'];
export const PRIORITIES: Priority[] = ['high', 'medium', 'low'];
export const LOBBYING_STATUSES = Object.keys(LOBBYING_LABELS) as LobbyingStatus[];
export const IMPLEMENTATION_STATUSES = Object.keys(IMPLEMENTATION_LABELS) as ImplementationStatus[];
/** In the order lobbying goes. */
export const STATE_STATUSES = Object.keys(STATE_STATUS_LABELS) as StateLobbyingStatus[];
export const PLACES = Object.keys(PLACE_LABELS) as ContactPlace[];
export const STATEMENT_KINDS = Object.keys(STATEMENT_KIND_LABELS) as StatementKind[];
export const ECOSOC_STATUSES = Object.keys(ECOSOC_LABELS) as EcosocStatus[];

/** A recommendation by its paragraph ("26.12"), or its id when it has none ("#40"). */
export function paragraphLabel(rec: { id: number; paragraph: string }): string {
  return rec.paragraph || `#${rec.id}`;
}

export function priorityLabel(priority: Priority | null): string {
  return priority === null ? NO_PRIORITY_LABEL : PRIORITY_LABELS[priority];
}

/** Names of tracking fields as they appear in the history. */
export const FIELD_LABELS: Record<string, string> = {
  priority: 'Priority',
  our_ask: 'Our ask',
  lobbying_status: 'Lobbying status',
  implementation_status: 'Implementation status',
  assignee: 'Assignee',
  notes: 'Notes',
  tags: 'Tags',
  tag: 'Tag',
  add_tag: 'Tag added',
  remove_tag: 'Tag removed',
  evidence: 'Evidence',
  add_evidence: 'Evidence added',
  remove_evidence: 'Evidence removed',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replaceAll('_', ' ');
}

const VALUE_LABELS: Record<string, Record<string, string>> = {
  priority: PRIORITY_LABELS,
  lobbying_status: LOBBYING_LABELS,
  implementation_status: IMPLEMENTATION_LABELS,
  position: POSITION_LABELS,
};

/** A history value as a person reads it: enum codes become labels, empty becomes a word. */
export function historyValue(field: string, value: string | null): string {
  if (value === null || value === '') {
    return field === 'priority' ? NO_PRIORITY_LABEL : '(empty)';
  }
  return VALUE_LABELS[field]?.[value] ?? value;
}
