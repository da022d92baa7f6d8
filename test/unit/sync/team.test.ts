import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allow, forget, loadAllowlist, TEAM_OUTBOX_KEY } from '@/lib/moderation/allowlist';
import { saveLexicon } from '@/lib/settings/lexicon';
import { storageTeamStore } from '@/lib/sync/team-storage';

const outbox = async () => ((await fakeBrowser.storage.local.get(TEAM_OUTBOX_KEY))[TEAM_OUTBOX_KEY] as { kind: string; op?: string; value?: string; id: string }[]) ?? [];

describe('team data waits with the change itself', () => {
  beforeEach(() => fakeBrowser.reset());

  it('«Не нарушение» for a word and taking it back each queue one op, in the same write', async () => {
    await allow({ words: ['Бобр', 'бобр'] });
    await allow({ words: ['бобр'] });
    await forget('words', 'бобр');
    expect((await outbox()).map((o) => `${o.op}:${o.value}`)).toEqual(['add:бобр', 'remove:бобр']);
    expect((await loadAllowlist()).words).toEqual([]);
  });

  it('the lexicon queues its latest version only', async () => {
    expect((await saveLexicon({ words: { insult: ['балбес'] } })).ok).toBe(true);
    expect((await saveLexicon({ words: { insult: ['балбес', 'оболтус'] } })).ok).toBe(true);
    const ops = (await outbox()).filter((o) => o.kind === 'lexicon');
    expect(ops).toHaveLength(1);
    expect(JSON.stringify(ops[0])).toContain('оболтус');
  });

  it('ops from the log change the stored lists without queuing anything; a bad lexicon is set aside', async () => {
    const store = storageTeamStore((why) => aside.push(why));
    const aside: string[] = [];
    await store.apply([
      { v: 1, id: 'a', kind: 'allow', op: 'add', list: 'words', value: 'выдра', at: 1, by: 'mod' },
      { v: 1, id: 'b', kind: 'lexicon', source: { words: { nonsense: 5 } }, at: 2, by: 'cur' },
    ]);
    expect((await loadAllowlist()).words).toEqual(['выдра']);
    expect(await outbox()).toEqual([]);
    expect(aside).toHaveLength(1);
  });
});
