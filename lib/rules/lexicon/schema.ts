/**
 * The shape of lexicon data. Built-in lexicons are checked against it by a test (keeping zod out of the
 * content script); the team's own additions are checked at run time in `custom.ts`.
 */
import { z } from 'zod';

/**
 * `~root(end|end$)`: a root in Russian letters; `~` allows verb prefixes before it; endings after it
 * (`$` = the word ends there); without a list, any ending.
 */
export const ENTRY_PATTERN = /^~?[а-яё]+(\$|\((?:[а-яё]*\$?)(?:\|[а-яё]*\$?)*\))?$/;

export const entrySchema = z
  .string()
  .regex(ENTRY_PATTERN, 'запись словаря: корень русскими буквами, ~ в начале, окончания в скобках через |');

export const groupSchema = z.object({
  /** What the detectors make of a hit: `obscene`, `insult-weak`, `target-person` … */
  tag: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  conf: z.number().min(0).max(1),
  words: z.array(entrySchema).min(1),
});

export const lexiconSchema = z.object({
  id: z.string().min(1),
  groups: z.array(groupSchema).min(1),
});

export type LexiconGroup = z.infer<typeof groupSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;
