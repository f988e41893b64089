// The user name recorded with every change (the history's "who").

export const NAME_MAX = 100;

/** What is wrong with a name, in words; null when it can be saved. Counted in characters. */
export function nameProblem(name: string): string | null {
  const length = [...name.trim()].length;
  if (length === 0) return 'Enter your name: it cannot be empty.';
  if (length > NAME_MAX) {
    return `Use at most ${NAME_MAX} characters (this name has ${length}).`;
  }
  return null;
}

/** As crates/docket-core/src/store/organization.rs `MAX_ORGANIZATION_NAME`. */
export const ORGANIZATION_NAME_MAX = 200;

/** The organization's name as it is saved: spaces tidied (empty removes it from documents). */
export function tidyOrganizationName(name: string): string {
  return name.split(/\s+/u).filter(Boolean).join(' ');
}

/** What is wrong with an organization's name, in words; null when it can be saved (even empty). */
export function organizationNameProblem(name: string): string | null {
  const length = [...tidyOrganizationName(name)].length;
  if (length > ORGANIZATION_NAME_MAX) {
    return `Use at most ${ORGANIZATION_NAME_MAX} characters (this name has ${length}). An abbreviation is fine.`;
  }
  return null;
}
