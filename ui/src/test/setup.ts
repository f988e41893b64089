import '@testing-library/jest-dom/vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { drafts } from '../lib/recommendations/drafts';

afterEach(() => {
  clearMocks();
  drafts.clear();
});
