/**
 * The team's lexicon additions (extra words per category, allow-list, allowed sites), stored as the
 * validated source in browser.storage.local. Content scripts compile it; only validated lists are
 * ever written, so a bad edit leaves the old list in force.
 */
import { compileCustomLexicon, type CustomLexiconInput } from '../rules/custom';
import { LEXICON_KEY, type LexiconSource } from './lexicon-read';
import { writeWithTeamOps } from '../moderation/allowlist';

export const LEXICON_FILE_KIND = 'otklik-lexicon';

/** Validates and saves; on errors nothing is written. */
export async function saveLexicon(input: CustomLexiconInput | unknown): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  const result = compileCustomLexicon(input);
  if (!result.ok) return result;
  // The team's lists go to the team server too (the curator's; lib/sync/team), in the same write.
  const op = { v: 1, id: crypto.randomUUID(), kind: 'lexicon', source: result.lexicon.source, at: Date.now() };
  await writeWithTeamOps({ [LEXICON_KEY]: result.lexicon.source }, [op], 'lexicon');
  return { ok: true };
}

/** The file a department shares: the lists with a kind and version, so a foreign file is refused. */
export function lexiconToFile(source: LexiconSource, exportedAt: Date): string {
  return JSON.stringify({ kind: LEXICON_FILE_KIND, version: 1, exportedAt: exportedAt.toISOString(), ...source }, null, 2);
}

export function lexiconFromFile(text: string): { ok: true; input: unknown } | { ok: false; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['Файл не в формате JSON'] };
  }
  if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== LEXICON_FILE_KIND) {
    return { ok: false, errors: ['Это не файл словаря Отклика'] };
  }
  const { version, words, allow, allowDomains } = data as Record<string, unknown>;
  if (version !== 1) return { ok: false, errors: [`Версия файла ${String(version)} не поддерживается`] };
  const check = compileCustomLexicon({ words, allow, allowDomains });
  return check.ok ? { ok: true, input: check.lexicon.source } : { ok: false, errors: check.errors };
}

