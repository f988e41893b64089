// What stops a form from being saved: a problem (in words) by field, and what ties a control to
// its problem.

/** The problems by field, where there are some (a field without one is left out). */
export function problemsOf<K extends string>(
  checks: Record<K, string | null | undefined>,
): Partial<Record<K, string>> {
  const problems: Partial<Record<K, string>> = {};
  for (const field of Object.keys(checks) as K[]) {
    const problem = checks[field];
    if (problem) problems[field] = problem;
  }
  return problems;
}

/** What ties a control to its problem (shown in the element of id `${id}-problem`). */
export interface Described {
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export function describedBy(id: string, problem: string | undefined): Described {
  return {
    'aria-invalid': problem !== undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
  };
}
