/**
 * Scoring of the labelled family sets (issue 15): per family, the share of comments flagged with a
 * category a moderator accepts; for threats also the share named `threat` and the verdict; for
 * clean comments the share flagged at all. Shared by `npm run bench:rules` and the unit tests.
 */
import type { Category, Classification, Verdict } from '../../../lib/rules';

export interface Item {
  t: string;
  /** Expected verdict, where the decree settles it (a threat alone: `no-process`). */
  v?: Verdict;
  /** Accepted categories, when not the family's default. */
  ok?: Category[];
}

export const VIOLATION_FAMILIES = ['threat', 'illegal', 'insult', 'harassment', 'ad', 'obscenity'] as const;
export type Family = (typeof VIOLATION_FAMILIES)[number];

/** What a moderator accepts as the reason, family by family. */
export const ACCEPTED: Readonly<Record<Family, readonly Category[]>> = {
  threat: ['threat', 'illegal'],
  illegal: ['illegal'],
  insult: ['insult'],
  harassment: ['insult'],
  ad: ['spam', 'advertising'],
  obscenity: ['obscenity'],
};

export type FamilySet = Partial<Record<Family, Item[]>> & { clean?: (string | Item)[] };

export interface FamilyScore {
  family: Family | 'clean';
  n: number;
  /** Flagged with an accepted category (for clean: flagged at all, i.e. false flags). */
  hit: number;
  /** Flagged with any category, confidence ≥ 0.5. */
  any: number;
  /** Threats: named `threat`. */
  named?: number;
  /** Items with an expected verdict, and how many got it. */
  verdictN?: number;
  verdictHit?: number;
  misses: string[];
}

export type Classifier = (text: string) => Classification;

const THRESHOLD = 0.5;

export function scoreSet(set: FamilySet, classify: Classifier): FamilyScore[] {
  const scores: FamilyScore[] = [];
  for (const family of VIOLATION_FAMILIES) {
    const items = set[family];
    if (!items?.length) continue;
    const s: FamilyScore = { family, n: 0, hit: 0, any: 0, misses: [] };
    if (family === 'threat') s.named = 0;
    for (const item of items) {
      const r = classify(item.t);
      const found = new Set(r.findings.filter((f) => f.confidence >= THRESHOLD).map((f) => f.category));
      const accepted = item.ok ?? ACCEPTED[family];
      s.n++;
      if (found.size) s.any++;
      if (accepted.some((c) => found.has(c))) s.hit++;
      else s.misses.push(item.t);
      if (family === 'threat' && found.has('threat')) s.named = (s.named ?? 0) + 1;
      if (item.v) {
        s.verdictN = (s.verdictN ?? 0) + 1;
        if (r.verdict === item.v) s.verdictHit = (s.verdictHit ?? 0) + 1;
      }
    }
    scores.push(s);
  }
  if (set.clean?.length) {
    const s: FamilyScore = { family: 'clean', n: 0, hit: 0, any: 0, misses: [] };
    for (const item of set.clean) {
      const t = typeof item === 'string' ? item : item.t;
      const r = classify(t);
      s.n++;
      if (r.verdict !== 'ok') {
        s.hit++;
        s.any++;
        s.misses.push(t);
      }
    }
    scores.push(s);
  }
  return scores;
}

/** All violation families together. */
export function overall(scores: readonly FamilyScore[]): { n: number; hit: number; any: number } {
  const v = scores.filter((s) => s.family !== 'clean');
  return {
    n: v.reduce((a, s) => a + s.n, 0),
    hit: v.reduce((a, s) => a + s.hit, 0),
    any: v.reduce((a, s) => a + s.any, 0),
  };
}

/** A yes/no peer (bad-words-next, the naive baseline): flagged at all, family by family. */
export function scoreFlagger(set: FamilySet, flagged: (text: string) => boolean): { family: string; n: number; any: number }[] {
  const out: { family: string; n: number; any: number }[] = [];
  for (const family of [...VIOLATION_FAMILIES, 'clean'] as const) {
    const items = set[family];
    if (!items?.length) continue;
    let any = 0;
    for (const item of items) if (flagged(typeof item === 'string' ? item : item.t)) any++;
    out.push({ family, n: items.length, any });
  }
  return out;
}
