export const CATEGORIES = ['obscenity', 'insult', 'spam', 'advertising', 'illegal', 'threat'] as const;

export type Category = (typeof CATEGORIES)[number];

/** `delete`: App. 2 §15 covers it; `no-process`: only App. 1 §16 does (not answered, not deleted). */
export type Verdict = 'delete' | 'no-process' | 'ok';

export interface Finding {
  category: Category;
  /** The decree clause(s), as a moderator would cite them. */
  clause: string;
  /** Span in the original text: UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /** The original text of the span. */
  match: string;
  /** What the span was read as: the word with masks and look-alikes resolved, or the cue found. */
  normalized: string;
  /** 0…1; findings below `VERDICT_THRESHOLD` are hints and do not change the verdict. */
  confidence: number;
  /** Found by the team's own word lists (settings, lib/rules/custom), not Otklik's built-in rules. */
  team?: true;
}

export interface Classification {
  verdict: Verdict;
  findings: Finding[];
}
