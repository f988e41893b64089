import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

async function start(): Promise<void> {
  // Dev only (`VITE_MOCK=1 npm run dev`): a fake backend so the UI runs in a plain browser.
  // The condition is false at build time, so the mock is not in the production bundle.
  if (import.meta.env.DEV && import.meta.env.VITE_MOCK) {
    const { installDevMock } = await import('./dev/mock');
    installDevMock();
  }
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element');
  mount(App, { target });
}

void start();
