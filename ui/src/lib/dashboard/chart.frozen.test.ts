// Docket's window runs with Tauri's `freezePrototype`: Object.prototype is frozen before any
// script. Chart.js < 4.4.3 failed there (chartjs/Chart.js#11528). Its own file, so that the
// frozen prototype does not reach other tests.
import { expect, it } from 'vitest';
import { fakeCanvas } from './fakeCanvas';

it('draws, updates and destroys a chart with a frozen Object.prototype', async () => {
  Object.freeze(Object.prototype);
  const { drawChart } = await import('./chart');
  const canvas = fakeCanvas();
  for (const shape of ['doughnut', 'bar', 'horizontal-bar'] as const) {
    const spec = {
      shape,
      name: 'Recommendations',
      labels: ['Supported', 'Noted'],
      titles: ['Supported', 'Noted'],
      values: [3, 1],
      colors: ['#2f8a4f', '#c27a12'],
    };
    const drawn = drawChart(canvas, spec, () => {});
    expect(drawn, shape).not.toBeNull();
    drawn?.update({ ...spec, values: [1, 3] });
    drawn?.destroy();
  }
});
