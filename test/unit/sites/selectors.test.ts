import { describe, expect, it } from 'vitest';
import { MVK, MVK_EXPECT } from '@/lib/sites/mvk/selectors';
import { OK, OK_EXPECT } from '@/lib/sites/ok/selectors';
import type { Selector } from '@/lib/sites/selectors';
import { VK, VK_EXPECT } from '@/lib/sites/vk/selectors';
import { fixtureNames, loadFixture } from './fixtures';

const TABLES: Record<string, Record<string, Selector & { expect: Readonly<Record<string, number>> }>> = {
  vk: Object.fromEntries(Object.entries(VK).map(([k, v]) => [k, { ...v, expect: VK_EXPECT[k as keyof typeof VK] }])),
  ok: Object.fromEntries(Object.entries(OK).map(([k, v]) => [k, { ...v, expect: OK_EXPECT[k as keyof typeof OK] }])),
  mvk: Object.fromEntries(Object.entries(MVK).map(([k, v]) => [k, { ...v, expect: MVK_EXPECT[k as keyof typeof MVK] }])),
};
// A hashed CSS-module suffix such as `vkitComment__info--k1`: changes with every VK build.
const HASHED_CLASS = /\.[\w-]+--[\w]+/;

describe.each(Object.entries(TABLES))('%s selectors', (site, table) => {
  const fixtures = fixtureNames().filter((f) => f.startsWith(`${site}/`));
  const docs = new Map(fixtures.map((f) => [f, loadFixture(f)]));

  it.each(Object.entries(table))('%s matches the expected count on every fixture', (_name, sel) => {
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [file, doc] of docs) {
      actual[file] = doc.querySelectorAll(sel.css).length;
      expected[file] = sel.expect[file] ?? 0;
    }
    expect(actual).toEqual(expected);
  });

  it.each(Object.entries(table))('%s is proven by at least one fixture and names only known fixtures', (_name, sel) => {
    expect(Object.values(sel.expect).some((n) => n > 0)).toBe(true);
    for (const file of Object.keys(sel.expect)) expect(fixtures).toContain(file);
  });

  it.each(Object.entries(table))('%s does not rely on hashed class suffixes', (_name, sel) => {
    expect(sel.css).not.toMatch(HASHED_CLASS);
  });
});
