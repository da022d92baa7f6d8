/**
 * Judging a page's comments (App. 2 §15): which findings of the rules flag a comment here, given the
 * settings' categories, the allow-list and the mass mailings on this page. No DOM: the same comments
 * give the same verdicts, and a verdict is computed once until something it depends on changes.
 */
import { normaliseWord } from '../../../moderation/allowlist';
import type { Category, Finding } from '../../../rules/types';
import type { ParsedComment } from '../../../sites/types';
import { fold } from '../../../text';

/** `recent`: other comments with the same text, so the rules can call it a mass mailing. */
export type Classify = (
  text: string,
  context?: { author?: string; recent?: readonly { author?: string; text: string }[] },
) => { verdict: string; findings: Finding[] };

/** The rules' verdict threshold: below it a finding does not make a comment deletable. */
const FLAG_CONFIDENCE = 0.5;
/** Shorter texts repeat innocently («Спасибо!», «Когда?»); a mailing is longer than this. */
const MAILING_MIN_CHARS = 40;

function mailingKey(text: string): string {
  return fold(text).replace(/[^a-zа-я0-9]+/g, ' ').trim();
}

export interface Verdict {
  findings: Finding[];
  categories: Category[];
}

export interface JudgeInputs {
  classify(): Classify;
  /** Whether flags are shown on this page at all. */
  active(): boolean;
  categoryOn(category: Category): boolean;
  allowedComment(key: string): boolean;
  allowedWord(normalised: string): boolean;
  /** A comment of this page by key (for a mailing's other comments). */
  comment(key: string): ParsedComment | undefined;
}

export function createJudge(inputs: JudgeInputs) {
  /** The rules' findings by comment, before the settings and the allow-list filter them. */
  const verdicts = new Map<string, Finding[]>();
  /** Comments on this page grouped by their text: the same long text from several authors is a mailing. */
  let mailings = new Map<string, { authors: Set<string>; keys: string[] }>();

  function recentFor(key: string, comment: ParsedComment) {
    if (comment.text.length < MAILING_MIN_CHARS) return undefined;
    const group = mailings.get(mailingKey(comment.text));
    if (!group || group.authors.size < 2) return undefined;
    return group.keys
      .filter((k) => k !== key)
      .map((k) => inputs.comment(k))
      .filter((c): c is ParsedComment => c !== undefined)
      .map((c) => ({ author: c.authorId ?? c.authorName ?? undefined, text: c.text }));
  }

  function findingsOf(key: string, comment: ParsedComment): Finding[] {
    let all = verdicts.get(key);
    if (!all) {
      const recent = recentFor(key, comment);
      const context = recent ? { author: comment.authorId ?? comment.authorName ?? undefined, recent } : undefined;
      // Low-confidence findings are hints for the rules' verdict, not flags on the page.
      all = inputs.classify()(comment.text, context).findings.filter((f) => f.confidence >= FLAG_CONFIDENCE);
      verdicts.set(key, all);
    }
    if (!all.length) return all;
    return all.filter(
      (f) => inputs.categoryOn(f.category) && !inputs.allowedWord(normaliseWord(f.normalized)) && !inputs.allowedWord(normaliseWord(f.match)),
    );
  }

  return {
    /** What flags this comment here, or null. */
    judge(key: string, comment: ParsedComment): Verdict | null {
      if (!inputs.active() || comment.own || inputs.allowedComment(key)) return null;
      const findings = findingsOf(key, comment);
      if (!findings.length) return null;
      return { findings, categories: [...new Set(findings.map((f) => f.category))] };
    },

    /** Notes a comment's text; returns the other comments to judge again now that they make a mailing. */
    noteMailing(key: string, comment: ParsedComment): string[] {
      if (comment.own || comment.text.length < MAILING_MIN_CHARS) return [];
      const k = mailingKey(comment.text);
      let group = mailings.get(k);
      if (!group) mailings.set(k, (group = { authors: new Set(), keys: [] }));
      const before = group.authors.size;
      group.authors.add(comment.authorId ?? comment.authorName ?? key);
      if (!group.keys.includes(key)) group.keys.push(key);
      if (group.authors.size < 2) return [];
      for (const other of group.keys) verdicts.delete(other);
      // When the second author appears, the first one's comment becomes part of the mailing too.
      return before < 2 ? group.keys.filter((other) => other !== key) : [];
    },

    /** The classifier changed (the team's words): every comment is read by the rules again. */
    forgetVerdicts(): void {
      verdicts.clear();
    },

    /** A new page. */
    reset(): void {
      mailings = new Map();
    },
  };
}
