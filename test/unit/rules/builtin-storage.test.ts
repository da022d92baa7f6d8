import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN, classify, prepareClassifier } from '@/lib/rules';
import { publishBuiltinLexicons } from '@/lib/settings/builtin-lexicon';
import { BUILTIN_LEXICON_KEY, loadBuiltinLexicons, watchBuiltinLexicons } from '@/lib/settings/lexicon-read';
import tune from './data/families-tune.json';
import traps from './data/municipal-traps.json';

/**
 * The content scripts do not bundle the word lists: the background writes them into storage.local
 * and the page's script reads them there (lib/settings/lexicon-read.ts).
 */
describe('built-in word lists through storage', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => prepareClassifier(BUILTIN));

  it('the background writes them once; the content script reads the same lists', async () => {
    expect(await publishBuiltinLexicons()).toBe(true);
    expect(await publishBuiltinLexicons()).toBe(false);
    expect(await loadBuiltinLexicons()).toEqual(BUILTIN);
  });

  it('right after install the content script waits for them instead of failing', async () => {
    const read = loadBuiltinLexicons();
    await publishBuiltinLexicons();
    expect(await read).toEqual(BUILTIN);
  });

  it('an update rewrites them and open pages hear of it', async () => {
    await publishBuiltinLexicons();
    const heard: unknown[] = [];
    const stop = watchBuiltinLexicons((l) => heard.push(l));
    const next = { ...BUILTIN, prefixes: [...BUILTIN.prefixes, 'пред'] };
    expect(await publishBuiltinLexicons(next)).toBe(true);
    stop();
    expect(heard).toEqual([next]);
    expect((await fakeBrowser.storage.local.get(BUILTIN_LEXICON_KEY))[BUILTIN_LEXICON_KEY]).toEqual(next);
  });

  it('classifies the same with lists that went through storage (a JSON copy)', async () => {
    const texts = [tune, traps].flatMap((set) => JSON.stringify(set).match(/"(?:[^"\\]|\\.)*[а-яё](?:[^"\\]|\\.)*"/gi) ?? []).map((s) => JSON.parse(s) as string);
    expect(texts.length).toBeGreaterThan(100);
    const direct = texts.map((t) => classify(t));
    await publishBuiltinLexicons();
    prepareClassifier(JSON.parse(JSON.stringify(await loadBuiltinLexicons())));
    expect(texts.map((t) => classify(t))).toEqual(direct);
  });
});
