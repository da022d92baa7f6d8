import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imports, root } from '../imports';

/**
 * The content scripts run on every VK and OK page: what they import is what each page downloads.
 * Validation (zod), the database (Dexie) and date libraries belong to the background and the
 * extension pages; the measured size is in the README (npm run bench).
 */
describe('content scripts stay light', () => {
  it.each(['entrypoints/vk.content/index.ts', 'entrypoints/mvk.content/index.ts', 'entrypoints/ok.content/index.ts'])('%s', (file) => {
    const modules = [...imports(resolve(root, file))];
    // @preact/signals (the Preact integration) too: the panel reads signals through components/useValue.ts.
    for (const heavy of ['zod', 'dexie', 'date-fns', '@date-fns/tz', '@preact/signals']) expect(modules).not.toContain(heavy);
    expect(modules.some((m) => m.endsWith('lib/db/schema.ts'))).toBe(false);
  });
});
