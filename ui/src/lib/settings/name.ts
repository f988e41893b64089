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
