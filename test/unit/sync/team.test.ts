import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allow, forget, loadAllowlist, TEAM_OUTBOX_KEY } from '@/lib/moderation/allowlist';
import { loadReplyTemplates, saveReplyTemplates } from '@/lib/replies/store';
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

describe('saved replies travel as team ops', () => {
  beforeEach(() => fakeBrowser.reset());
  const fields = (id: string, text: string) => ({ id, title: `Шаблон ${id}`, topic: 'отопление', department: '', text });

  it('a save queues a put for each new or edited template and a remove for each removed one, nothing for the unchanged', async () => {
    await saveReplyTemplates({ edits: [fields('a', 'Текст А'), fields('b', 'Текст Б')], removed: [] }, 1);
    await fakeBrowser.storage.local.set({ [TEAM_OUTBOX_KEY]: [] });
    await saveReplyTemplates({ edits: [fields('a', 'Текст А'), fields('c', 'Текст В')], removed: ['b'] }, 2);
    const ops = (await outbox()) as unknown as { kind: string; op: string; template?: { id: string }; templateId?: string }[];
    expect(ops.map((o) => `${o.kind}:${o.op}:${o.template?.id ?? o.templateId}`)).toEqual(['replies:put:c', 'replies:remove:b']);
  });

  it('a bad edit queues nothing', async () => {
    expect((await saveReplyTemplates({ edits: [fields('a', 'Текст {имя')], removed: [] }, 1)).ok).toBe(false);
    expect(await outbox()).toEqual([]);
  });

  it('ops from the log put and remove templates in the stored library, in the log’s order', async () => {
    const store = storageTeamStore();
    const t = (text: string) => ({ ...fields('t', text), updatedAt: 1, updatedBy: 'Куратор' });
    await store.apply([
      { v: 1, id: '1', kind: 'replies', op: 'put', template: t('Первый'), at: 1, by: 'cur' },
      { v: 1, id: '2', kind: 'replies', op: 'put', template: { ...t('Второй'), id: 'u' }, at: 2, by: 'cur' },
      { v: 1, id: '3', kind: 'replies', op: 'put', template: t('Исправленный'), at: 3, by: 'cur' },
      { v: 1, id: '4', kind: 'replies', op: 'remove', templateId: 'u', at: 4, by: 'cur' },
    ]);
    expect((await loadReplyTemplates()).map((x) => x.text)).toEqual(['Исправленный']);
    expect(await outbox()).toEqual([]);
  });
});
