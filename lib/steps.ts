/**
 * Long work written as a generator that yields where it may pause: run at once (`runSteps`), or in
 * slices of a few milliseconds with the event loop given back between them (`runStepsInSlices`), so
 * a page stays responsive while 50,000 rows are read. The same code either way, so both give the same.
 */

export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runStepsInSlices<Y, T>(
  steps: Generator<Y, T>,
  { sliceMs = 12, onPause }: { sliceMs?: number; onPause?: (value: Y) => void } = {},
): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start > sliceMs) {
      onPause?.(step.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
      start = performance.now();
    }
  }
}
