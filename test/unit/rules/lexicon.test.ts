import { describe, expect, it } from 'vitest';
import {
  BUILTIN_LEXICONS,
  CATEGORIES,
  CATEGORY_CLAUSES,
  CATEGORY_LABELS_RU,
  explainFinding,
  explainVerdict,
  classify,
} from '../../../lib/rules';
import { lexiconSchema } from '../../../lib/rules/lexicon/schema';
import { VERB_PREFIXES } from '../../../lib/rules/lexicon/prefixes';

describe('lexicons as data', () => {
  it.each(BUILTIN_LEXICONS.map((l) => [l.id, l] as const))('%s matches the schema', (_id, lexicon) => {
    expect(lexiconSchema.safeParse(lexicon).success).toBe(true);
  });

  it('has no entry twice within a lexicon', () => {
    for (const lexicon of BUILTIN_LEXICONS) {
      const seen = new Set<string>();
      for (const group of lexicon.groups) {
        for (const word of group.words) {
          expect(seen.has(`${group.tag}:${word}`), `${lexicon.id}: ${word}`).toBe(false);
          seen.add(`${group.tag}:${word}`);
        }
      }
    }
  });

  it('keeps verb prefixes in Russian letters', () => {
    for (const p of VERB_PREFIXES) expect(p).toMatch(/^[а-я]+$/);
  });
});

describe('explanations', () => {
  it('has a Russian label and a clause for every category', () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_LABELS_RU[c]).toMatch(/^[а-яё ]+$/);
      expect(CATEGORY_CLAUSES[c]).toMatch(/п\. 1[56] прил\. [12]/);
    }
    expect(CATEGORY_CLAUSES.obscenity).toContain('п. 15 прил. 2');
    expect(CATEGORY_CLAUSES.threat).toContain('п. 16 прил. 1');
    expect(CATEGORY_CLAUSES.threat).not.toContain('прил. 2');
  });

  it('explains a finding in one sentence a moderator can read', () => {
    const [f] = classify('п@здец').findings;
    expect(explainFinding(f!)).toBe(
      `Нецензурная брань: «п@здец» (прочитано как «пиздец») — ${CATEGORY_CLAUSES.obscenity}.`,
    );
    expect(explainVerdict('no-process')).toContain('п. 16 прил. 1');
  });
});
