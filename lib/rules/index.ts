/**
 * The comment classifier with its built-in word lists, for Node, the CLI, the background and the
 * extension's pages. The content scripts import `./core` and get the lists from storage instead.
 */
import { setLexicons } from './core';
import { BUILTIN } from './lexicon/data';

setLexicons(BUILTIN);

export * from './core';
export { BUILTIN, BUILTIN_LEXICONS } from './lexicon/data';
