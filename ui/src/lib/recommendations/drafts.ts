/**
 * Unsaved text typed into a tracking field, kept while Docket runs, so that opening another
 * recommendation and coming back does not lose it. Key: `${recommendationId}:${field}`.
 */
export const drafts = new Map<string, string>();

export function draftKey(recommendationId: number, field: string): string {
  return `${recommendationId}:${field}`;
}
