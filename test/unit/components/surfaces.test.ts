import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imports, root } from '../imports';

/**
 * components/ by surface: page/ ships into VK and OK pages, workspace/ is the side panel, options/
 * the options page, shared/ what more than one of them uses. Each entry point reaches only its own
 * folder and shared/ — a view moved to the wrong surface fails here, not in a page's download.
 */
const SURFACES: [string, string[], string][] = [
  ['entrypoints/vk.content/index.ts', ['page', 'shared'], 'VK'],
  ['entrypoints/mvk.content/index.ts', ['page', 'shared'], 'm.vk.com'],
  ['entrypoints/ok.content/index.ts', ['page', 'shared'], 'OK'],
  ['entrypoints/sidepanel/main.tsx', ['workspace', 'shared'], 'side panel'],
  ['entrypoints/options/main.tsx', ['options', 'shared'], 'options'],
];

describe('components are foldered by the surface that shows them', () => {
  it.each(SURFACES)('%s reaches only components/{%s}', (entry, allowed) => {
    const folders = [...imports(resolve(root, entry))]
      .filter((m) => m.startsWith(`${root}/components/`))
      .map((m) => m.slice(root.length + '/components/'.length).split('/')[0]!);
    expect(folders.length).toBeGreaterThan(0);
    expect([...new Set(folders)].filter((f) => !allowed.includes(f))).toEqual([]);
  });

  it('every view is in one of the surface folders', () => {
    const all = [...SURFACES.flatMap(([entry]) => [...imports(resolve(root, entry))])].filter((m) => m.startsWith(`${root}/components/`));
    for (const m of all) expect(m.slice(root.length + '/components/'.length)).toMatch(/^(page|workspace|options|shared)\//);
  });
});
