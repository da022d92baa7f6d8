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

/**
 * Time budget of one task of ours, parsing and features together: half the 50 ms that counts as a
 * long task. Fewer, fuller tasks finish sooner than many short ones — each yield lets the page
 * draw a frame, and on a 2,000-comment page a frame costs 10–15 ms.
 */
export const SLICE_MS = 25;

/**
 * Elements parsed between two looks at the clock, and handed to the features as one batch: small
 * enough that one group never takes a slice far past its budget.
 */
export const GROUP = 50;
