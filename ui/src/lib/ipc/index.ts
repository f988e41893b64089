export { api, type Api } from './api';
export { isFatal, isIpcError, normalizeError, UNEXPECTED_MESSAGE } from './errors';
export * from './labels';
export type * from './types';
