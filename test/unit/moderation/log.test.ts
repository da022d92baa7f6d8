import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { parseCsv } from '@/lib/csv';
import { listModeration } from '@/lib/db/moderation';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { createDispatcher } from '@/lib/protocol/server';
import { loadAllowlist } from '@/lib/moderation/allowlist';
import { logToCsv, matchesFilter, type Evidence } from '@/lib/moderation/log';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { createWorkClock } from '@/lib/worktime/clock';

const evidence: Evidence = {
  site: 'vk',
  pageKey: 'vk:-123456',
  pageUrl: 'https://vk.com/wall-123456_1001',
  pageName: 'Администрация города',
  postId: '-123456_1001',
  commentKey: 'vk:-123456_1006',
  commentId: '-123456_1006',
  permalink: 'https://vk.com/wall-123456_1001?reply=1006&thread=1002',
  authorId: '333',
  authorName: 'Сергей К.',
  authorUrl: 'https://vk.com/id333',
  text: 'Да вы там все ох*ели, сколько можно уточнять',
  publishedAt: Date.UTC(2025, 4, 5, 8, 0),
  categories: ['obscenity'],
  clauses: ['п. 15 прил. 2'],
  matches: ['ох*ели'],
};

describe('the moderation log', () => {
  let db: OtklikDB;
  let clock = 1_000;
  let dispatch: ReturnType<typeof createDispatcher>;
  beforeEach(() => {
    fakeBrowser.reset();
    db = openDatabase(`log-${Math.random()}`);
    dispatch = createDispatcher(
      createHandlers({ db, settings: async () => ({ ...DEFAULT_SETTINGS, userName: 'Анна Модератор' }), clock: async () => createWorkClock(), now: () => clock++ }),
      () => {},
    );
  });
  afterEach(() => db.delete());

  it('keeps the full evidence of a deleted comment, once, with who recorded it', async () => {
    const first = await dispatch({ otklik: 1, type: 'moderation/deleted', data: { evidence, how: 'manual' } });
    const again = await dispatch({ otklik: 1, type: 'moderation/deleted', data: { evidence, how: 'detected' } });
    expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(again).toMatchObject({ ok: true, data: { duplicate: true } });
    const [entry, ...rest] = await listModeration(db);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ ...evidence, action: 'deleted', how: 'manual', recordedBy: 'Анна Модератор', at: 1000 });
  });

  it('«Не нарушение» for one comment allows that comment and logs the decision', async () => {
    await dispatch({ otklik: 1, type: 'moderation/not-violation', data: { evidence, scope: 'comment', words: [] } });
    expect(await loadAllowlist()).toEqual({ comments: ['vk:-123456_1006'], words: [] });
    expect((await listModeration(db))[0]).toMatchObject({ action: 'not-violation', scope: 'comment' });
  });

  it('«Не нарушение» for the word allows it everywhere, in normalised form', async () => {
    await dispatch({ otklik: 1, type: 'moderation/not-violation', data: { evidence, scope: 'word', words: ['Клоун', 'ёжик'] } });
    expect(await loadAllowlist()).toEqual({ comments: [], words: ['клоун', 'ежик'] });
  });

  it('filters by page, period, category and action', () => {
    const e = { ...evidence, action: 'deleted' as const, how: 'manual' as const, scope: null, at: 5000, recordedBy: 'А' };
    expect(matchesFilter(e, { pageKey: 'vk:-123456', from: 5000, to: 5001, category: 'obscenity', action: 'deleted' })).toBe(true);
    expect(matchesFilter(e, { pageKey: 'ok:1' })).toBe(false);
    expect(matchesFilter(e, { to: 5000 })).toBe(false);
    expect(matchesFilter(e, { category: 'spam' })).toBe(false);
    expect(matchesFilter(e, { action: 'not-violation' })).toBe(false);
  });

  it('exports CSV with every piece of evidence, text kept whole', () => {
    const e = { ...evidence, text: 'строка 1\n"цитата"; и ещё', action: 'deleted' as const, how: 'detected' as const, scope: null, at: Date.UTC(2025, 4, 6, 4, 0), recordedBy: 'Анна' };
    const [header, row] = parseCsv(logToCsv([e], 'Asia/Omsk')).rows;
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({
      'Когда записано': '06.05.2025, 10:00',
      Действие: 'Удалён',
      Как: 'замечено на странице',
      Ссылка: evidence.permalink,
      Автор: 'Сергей К.',
      'Идентификатор автора': '333',
      Категории: 'Нецензурная брань',
      Слова: 'ох*ели',
      Текст: 'строка 1\n"цитата"; и ещё',
    });
  });
});
