import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri shell loads ui/dist from disk (build) or this dev server (tauri dev).
export default defineConfig({
  base: './',
  plugins: [svelte()],
  // Keep Rust/Tauri output visible when both run in one terminal.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    // Tauri's own Rust sources must not trigger a page reload.
    watch: { ignored: ['**/src-tauri/**', '**/crates/**', '**/target/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    // Linux runs WebKitGTK 2.50 (Safari 18-level); safari16 also covers older macOS WKWebView.
    target: 'safari16',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
