// The export's numbers in words: a file's size and folder, the progress.
import type { ExportProgress } from '../ipc/types';

/** 48_300 → "47 KB", 2_500_000 → "2.4 MB" (a file is never said to be 0 KB). */
export function sizeLabel(bytes: number): string {
  const kb = Math.max(1, Math.round(bytes / 1024));
  if (kb < 1000) return `${kb} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The folder of a path, on any system: "/home/ana/Documents/a.docx" → "/home/ana/Documents". */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return '';
  const folder = path.slice(0, cut);
  // The root itself: "/" or "C:\".
  if (folder === '' || folder.endsWith(':')) return path.slice(0, cut + 1);
  return folder;
}

/** "Writing the rows: 120 of 347" (the step alone when it has no count). */
export function progressWords(progress: ExportProgress): string {
  if (progress.total <= 0) return progress.step;
  const n = (x: number) => x.toLocaleString('en-US');
  return `${progress.step}: ${n(Math.min(progress.done, progress.total))} of ${n(progress.total)}`;
}
