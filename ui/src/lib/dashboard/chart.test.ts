// Chart.js itself, drawing on a stand-in 2D context (jsdom has no canvas).
import { Chart, type ChartEvent } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clickHandler, drawChart, shortLabel, type ChartSpec } from './chart';
import { fakeCanvas } from './fakeCanvas';

const SPEC: ChartSpec = {
  shape: 'bar',
  name: 'Recommendations',
  labels: ['African', 'WEOG'],
  titles: ['African States', 'Western European and other States (WEOG)'],
  values: [4, 9],
  colors: ['#1f5fbf', '#1f5fbf'],
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('drawChart', () => {
  it('draws nothing, and does not fail, where the canvas has no 2D context', () => {
    const canvas = document.createElement('canvas');
    vi.spyOn(canvas, 'getContext').mockReturnValue(null);
    expect(drawChart(canvas, SPEC, () => {})).toBeNull();
  });

  it('draws with Chart.js, updates in place, and is gone once destroyed', () => {
    const canvas = fakeCanvas();
    const styles = document.querySelectorAll('style').length;
    const drawn = drawChart(canvas, SPEC, () => {});
    expect(drawn).not.toBeNull();
    const chart = Chart.getChart(canvas);
    expect(chart?.data.labels).toEqual(['African', 'WEOG']);
    expect(chart?.data.datasets[0]?.data).toEqual([4, 9]);

    drawn?.update({ ...SPEC, labels: ['EEG'], titles: ['Eastern European States'], values: [1] });
    expect(Chart.getChart(canvas)).toBe(chart);
    expect(chart?.data.labels).toEqual(['EEG']);
    expect(chart?.data.datasets[0]?.data).toEqual([1]);

    // Nothing the CSP would refuse: no <style> element added to the page.
    expect(document.querySelectorAll('style')).toHaveLength(styles);

    drawn?.destroy();
    expect(Chart.getChart(canvas)).toBeUndefined();
  });
});

describe('clickHandler', () => {
  const native = new MouseEvent('click');
  const event = { type: 'click', native, x: 10, y: 10 } as ChartEvent;

  it('picks the doughnut segment under the pointer', () => {
    const onpick = vi.fn();
    const chart = { getElementsAtEventForMode: vi.fn(() => [{ index: 2 }]) };
    clickHandler('doughnut', onpick)(event, [], chart as never);
    expect(chart.getElementsAtEventForMode).toHaveBeenCalledWith(
      native,
      'nearest',
      { intersect: true },
      true,
    );
    expect(onpick).toHaveBeenCalledWith(2);
  });

  it('picks a bar anywhere along its row', () => {
    const onpick = vi.fn();
    const chart = { getElementsAtEventForMode: vi.fn(() => [{ index: 0 }]) };
    clickHandler('horizontal-bar', onpick)(event, [], chart as never);
    expect(chart.getElementsAtEventForMode).toHaveBeenCalledWith(
      native,
      'index',
      { intersect: false, axis: 'y' },
      true,
    );
    expect(onpick).toHaveBeenCalledWith(0);
  });

  it('does nothing when the click is beside every bar', () => {
    const onpick = vi.fn();
    const chart = { getElementsAtEventForMode: vi.fn(() => []) };
    clickHandler('bar', onpick)(event, [], chart as never);
    expect(onpick).not.toHaveBeenCalled();
  });
});

describe('shortLabel', () => {
  it('cuts long axis labels with an ellipsis, by characters', () => {
    expect(shortLabel('Education')).toBe('Education');
    expect(
      shortLabel('Rights of lesbian, gay, bisexual, transgender and intersex persons', 20),
    ).toBe('Rights of lesbian, …');
    expect([...shortLabel('é'.repeat(40), 10)]).toHaveLength(10);
  });
});
