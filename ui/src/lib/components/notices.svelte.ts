/** A message shown in the error banner until the person dismisses it. */
export interface Notice {
  id: number;
  message: string;
}

/** The messages of the error banner; the same message is never shown twice at once. */
export class Notices {
  items = $state<Notice[]>([]);
  #nextId = 1;

  push(message: string): void {
    if (this.items.some((notice) => notice.message === message)) return;
    this.items.push({ id: this.#nextId++, message });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}
