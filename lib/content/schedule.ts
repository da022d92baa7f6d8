/**
 * Yields to the browser between slices of work. MessageChannel is not clamped like nested
 * setTimeout, and unlike requestAnimationFrame it also runs in a background tab.
 */
export function createYield(): () => Promise<void> {
  if (typeof MessageChannel === 'undefined') return () => new Promise((r) => setTimeout(r, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/** Time budget of one slice: well under the 50 ms that counts as a long task. */
export const SLICE_MS = 8;
