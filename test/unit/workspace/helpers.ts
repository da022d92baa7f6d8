import { expect } from 'vitest';

/** Waits until the live query has delivered what `ready` looks for. */
export async function until(ready: () => boolean) {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ready()).toBe(true);
}
