/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Dev only: "1" runs the UI against the fake backend of src/dev. */
  readonly VITE_MOCK?: string;
  /** Dev only: number of recommendations in the fake sample review (default 347). */
  readonly VITE_MOCK_TOTAL?: string;
  /** Dev only: "1" starts the fake backend with no review (first-run screen). */
  readonly VITE_MOCK_EMPTY?: string;
  /** Dev only: "newer_database" or "corrupt_database" makes every fake command fail that way. */
  readonly VITE_MOCK_FATAL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
