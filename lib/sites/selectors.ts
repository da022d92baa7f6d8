/** The shape of a site's selector table (lib/sites/<site>/selectors.ts). */

export interface Selector {
  /** The alternatives joined into one selector list, ready for querySelectorAll. */
  css: string;
  /** Matches expected on each fixture (path under test/fixtures/); a fixture not listed expects 0. */
  expect: Readonly<Record<string, number>>;
}

/** Alternatives are listed one a line with a comment each in the table; the test proves the counts. */
export function selector(alternatives: readonly string[], expect: Record<string, number>): Selector {
  return { css: alternatives.join(', '), expect };
}
