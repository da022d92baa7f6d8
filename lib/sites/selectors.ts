/** The shape of a site's selector table (lib/sites/<site>/selectors.ts). */

export interface Selector {
  /** The alternatives joined into one selector list, ready for querySelectorAll. */
  css: string;
}

/**
 * Alternatives are listed one a line with a comment each in the table; the site's `*_EXPECT` table
 * beside it says how many matches each has on each fixture, and a test proves the counts.
 */
export function selector(alternatives: readonly string[]): Selector {
  return { css: alternatives.join(', ') };
}
