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
 * Most elements parsed between two looks at the clock, and handed to the features as one batch.
 * Groups are sized to the rest of the budget at the pace of the group before (lib/content/runtime.ts).
 */
export const GROUP = 50;

/**
 * The pace assumed before any group has run, ms an element: the first comments run code not yet
 * compiled, on a slow computer up to ~1 ms each; a guess of 2 ms keeps the first group to a dozen.
 */
export const FIRST_MS_PER_ELEMENT = 2;

/** A floor for the measured pace: a group that took no measurable time says little about the next. */
export const MIN_MS_PER_ELEMENT = 0.01;
