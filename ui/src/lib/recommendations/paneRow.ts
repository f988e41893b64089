import type { SearchHit } from '../ipc/types';

/** What is known of a recommendation before its details load (the text may be a snippet). */
export interface PaneRow {
  id: number;
  /** Empty when not known yet (opened from the review's history). */
  paragraph: string;
  text: string;
}

/** A hit of the list as the detail pane shows it until the full record arrives. */
export function paneRowOf(hit: SearchHit): PaneRow {
  return { id: hit.id, paragraph: hit.paragraph, text: hit.snippet };
}
