import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { isIpcError, normalizeError } from './errors';
import type {
  AppEvent,
  AppInfo,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  ImportSummary,
  RecommendationDetail,
  RecommendationPage,
  ReviewSummary,
  TrackingEdit,
} from './types';

/** Calls a command; rejects only with a normalized IpcError. */
async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (!isIpcError(raw)) {
      // Keep the technical detail for whoever debugs; the person sees a plain message.
      console.error(`Docket: command ${command} failed`, raw);
    }
    throw normalizeError(raw);
  }
}

/** Typed wrappers around the Tauri commands of src-tauri/src/commands.rs. */
export const api = {
  appInfo: (): Promise<AppInfo> => call('app_info'),

  listReviews: (): Promise<ReviewSummary[]> => call('list_reviews'),

  /** Loads the sample review if needed; resolves to its id. */
  openSample: (): Promise<number> => call('open_sample'),

  listRecommendations: (
    reviewId: number,
    offset: number,
    limit: number,
  ): Promise<RecommendationPage> => call('list_recommendations', { reviewId, offset, limit }),

  getRecommendation: (id: number): Promise<RecommendationDetail> =>
    call('get_recommendation', { id }),

  editTracking: (id: number, edit: TrackingEdit): Promise<RecommendationDetail> =>
    call('edit_tracking', { id, edit }),

  /** Opens the native file dialog; resolves to the chosen path, or null when cancelled. */
  chooseImportFile: (): Promise<string | null> => call('choose_import_file'),

  /** Reads the source and shows what importing it would do; nothing is written. */
  previewImport: (
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportPreview> =>
    call('preview_import', { request, onProgress: new Channel<ImportProgress>(onProgress) }),

  /** Commits the preview with this token (one transaction, after a backup). */
  commitImport: (
    token: number,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportSummary> =>
    call('commit_import', { token, onProgress: new Channel<ImportProgress>(onProgress) }),

  /** Stops the running preview or import; it then rejects with kind `cancelled`. */
  cancelImport: (): Promise<void> => call('cancel_import'),

  /** Menu choices and files dropped on the window arrive through `handler`. */
  subscribeAppEvents: (handler: (event: AppEvent) => void): Promise<void> =>
    call('subscribe_app_events', { channel: new Channel<AppEvent>(handler) }),
};

export type Api = typeof api;
