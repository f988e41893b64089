import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { isIpcError, normalizeError } from './errors';
import type {
  AppInfo,
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
};

export type Api = typeof api;
