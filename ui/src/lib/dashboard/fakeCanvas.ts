// For tests only: a stand-in 2D context (jsdom has no canvas), so that Chart.js runs its real
// code — layout, updates, destroy — without drawing anything.

/** Every drawing call does nothing; text is measured as 6 px a character. */
export function fakeContext(canvas: HTMLCanvasElement): object {
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
