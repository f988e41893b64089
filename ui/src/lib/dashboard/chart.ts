// The only file that knows Chart.js. Only what the dashboard draws is registered (doughnut and
// bar, their elements and scales, tooltips), so the rest of Chart.js is left out of the bundle.
//
// Under Docket's CSP: Chart.js 4 injects no <style> element and evaluates no code; it sizes the
// canvas through the CSSOM (element.style), which the CSP does not restrict. It copes with
// `freezePrototype` since 4.4.3 (chartjs/Chart.js#11754); chart.frozen.test.ts draws a chart with
// a frozen Object.prototype to keep it so.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  LinearScale,
  Tooltip,
  type ActiveElement,
  type ChartConfiguration,
  type ChartEvent,
} from 'chart.js';
import { GRID, TEXT_MUTED } from './colors';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  LinearScale,
  Tooltip,
);

/** app.css `--font`: the charts use the same system fonts as the rest of the window. */
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif";
Chart.defaults.color = TEXT_MUTED;

export type ChartShape = 'doughnut' | 'bar' | 'horizontal-bar';

export interface ChartSpec {
  shape: ChartShape;
  /** What the tooltip calls the numbers ("Recommendations"). */
  name: string;
  /** On the axis (cut when long). */
  labels: string[];
  /** In the tooltip: the full names. */
  titles: string[];
  values: number[];
  colors: string[];
}

export interface DrawnChart {
  update(spec: ChartSpec): void;
  destroy(): void;
}

/** Axis labels longer than this are cut (the full label is in the tooltip and the list). */
const LABEL_MAX = 28;

export function shortLabel(label: string, max = LABEL_MAX): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** Where a click on the chart landed, as the index of the bar or segment under it. */
export interface Pickable {
  getElementsAtEventForMode: Chart['getElementsAtEventForMode'];
}

/**
 * Chart.js's `onClick`: the bar or segment under the pointer, through getElementsAtEventForMode.
 * A bar is picked anywhere along its row or column (small bars are hard to hit); a doughnut
 * segment only where it is drawn.
 */
export function clickHandler(shape: ChartShape, onpick: (index: number) => void) {
  return (event: ChartEvent, _active: ActiveElement[], chart: Pickable): void => {
    const native = event.native;
    if (!native) return;
    const found =
      shape === 'doughnut'
        ? chart.getElementsAtEventForMode(native, 'nearest', { intersect: true }, true)
        : chart.getElementsAtEventForMode(
            native,
            'index',
            { intersect: false, axis: shape === 'horizontal-bar' ? 'y' : 'x' },
            true,
          );
    const first = found[0];
    if (first) onpick(first.index);
  };
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function config(
  spec: ChartSpec,
  titles: () => string[],
  onpick: (index: number) => void,
): ChartConfiguration<'doughnut' | 'bar', number[], string> {
  const dataset = {
    label: spec.name,
    data: spec.values,
    backgroundColor: spec.colors,
    borderColor: spec.shape === 'doughnut' ? '#ffffff' : spec.colors,
    borderWidth: spec.shape === 'doughnut' ? 2 : 0,
    maxBarThickness: 28,
  };
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? (false as const) : { duration: 250 },
    onClick: clickHandler(spec.shape, onpick),
    onHover: (event: ChartEvent, active: ActiveElement[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = active.length ? 'pointer' : '';
    },
    plugins: {
      tooltip: {
        displayColors: false,
        callbacks: {
          title: (items: { dataIndex: number }[]) => titles()[items[0]?.dataIndex ?? -1] ?? '',
        },
      },
    },
  };
  if (spec.shape === 'doughnut') {
    return {
      type: 'doughnut',
      data: { labels: spec.labels, datasets: [dataset] },
      options: { ...common, cutout: '55%' },
    };
  }
  const horizontal = spec.shape === 'horizontal-bar';
  const labels = {
    ticks: {
      color: TEXT_MUTED,
      autoSkip: false,
      callback(this: { getLabelForValue(v: number): string }, value: string | number) {
        return shortLabel(this.getLabelForValue(Number(value)));
      },
    },
    grid: { display: false },
  };
  const counts = {
    beginAtZero: true,
    ticks: { color: TEXT_MUTED, precision: 0 },
    grid: { color: GRID },
  };
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets: [dataset] },
    options: {
      ...common,
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
      scales: horizontal ? { y: labels, x: counts } : { x: labels, y: counts },
    },
  };
}

/**
 * Draws `spec` on `canvas`; `onpick(index)` when a bar or segment is clicked. Null where the
 * canvas cannot draw (no 2D context, as in jsdom): the lists beside the charts still work.
 */
export function drawChart(
  canvas: HTMLCanvasElement,
  spec: ChartSpec,
  onpick: (index: number) => void,
): DrawnChart | null {
  const context = canvas.getContext('2d');
  if (!context) return null;
  let current = spec;
  const chart = new Chart(
    context,
    config(spec, () => current.titles, onpick),
  );
  return {
    update(next: ChartSpec): void {
      current = next;
      chart.data.labels = next.labels;
      const dataset = chart.data.datasets[0];
      if (dataset) {
        dataset.data = next.values;
        dataset.backgroundColor = next.colors;
        if (next.shape !== 'doughnut') dataset.borderColor = next.colors;
      }
      chart.update();
    },
    destroy(): void {
      chart.destroy();
    },
  };
}
