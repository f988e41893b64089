// For tests only (chart.test.ts, chart.frozen.test.ts; never imported by the app, so never
// bundled): a canvas with a stand-in 2D context (jsdom has no canvas), so that Chart.js runs its
// real code — layout, updates, destroy — without drawing anything.
import { vi } from 'vitest';

/** Every drawing call does nothing; text is measured as 6 px a character. */
function fakeContext(canvas: HTMLCanvasElement): object {
  const known: Record<string | symbol, unknown> = {
    canvas,
    // Chart.js takes anything with a length as a list of canvases.
    length: undefined,
    measureText: (text: string) => ({
      width: text.length * 6,
      actualBoundingBoxAscent: 8,
      actualBoundingBoxDescent: 2,
    }),
    getLineDash: () => [],
    createLinearGradient: () => ({ addColorStop: () => {} }),
    createRadialGradient: () => ({ addColorStop: () => {} }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
  };
  return new Proxy(known, {
    get(target, key) {
      return key in target ? target[key] : () => {};
    },
  });
}

/**
 * A canvas in the page whose getContext('2d') answers with the stand-in context. Chart.js also
 * watches the canvas's size with a ResizeObserver, which jsdom lacks: a silent one is put in.
 */
export function fakeCanvas(): HTMLCanvasElement {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  );
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  vi.spyOn(canvas, 'getContext').mockImplementation(
    () => fakeContext(canvas) as unknown as CanvasRenderingContext2D,
  );
  return canvas;
}
