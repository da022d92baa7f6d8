import { describe, expect, it } from 'vitest';
import { appendEvent, putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import {
  conflictOf,
  exchangeToText,
  exportDrafts,
  exportForDepartment,
  importExchange,
  resolveConflict,
  type ExchangeOrigin,
} from '@/lib/exchange';
import type { MessageEvent } from '@/lib/workflow/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { CITY, DISTRICT, NOW, TRANSPORT, curator, executor, omsk, record } from '../reports/dataset';
import { noIds } from '../no-ids';

const clock = createWorkClock();
const fresh = () => openDatabase(`test-${Math.random()}`);
const t = (hm: string) => omsk(`2025-05-13T${hm}`);

const CURATOR: ExchangeOrigin = { name: 'Иванова А. С.', role: 'curator' };
const ME: ExchangeOrigin = { name: 'Петров И. И.', role: 'executor', department: CITY };
const exec = executor(CITY);
const co = { role: 'coExecutor' as const, name: 'Петров И. И.', department: CITY };

const received = (at = '09:00'): MessageEvent => ({ type: 'received', actor: curator, at: t(at), payload: { importance: 'normal' } });
const routed = (departments: string[], at = '09:10'): MessageEvent => ({
  type: 'routed',
  actor: curator,
  at: t(at),
  payload: { executors: departments.map((department) => ({ department })) },
});
const draft = (at: string): MessageEvent => ({ type: 'draftSubmitted', actor: exec, at: t(at), payload: { kind: 'final', text: 'Яму заделают до пятницы.' } });

async function curatorDb(): Promise<OtklikDB> {
  const db = fresh();
  await putMessage(db, record('M1', [received(), routed([CITY])]), clock, NOW);
  await putMessage(db, record('M2', [received(), routed([DISTRICT, CITY])]), clock, NOW);
  await putMessage(db, record('M3', [received(), routed([TRANSPORT])]), clock, NOW);
  await putMessage(db, record('M4', [received(), routed([CITY])]), clock, NOW);
  await putMessage(db, record('M5', [received(), routed([CITY])]), clock, NOW);
  return db;
}

const all = (db: OtklikDB) => db.messages.orderBy('id').toArray();
const state = async (db: OtklikDB) => ({ messages: await all(db), summaries: await db.summaries.orderBy('id').toArray() });

describe('exchange between the curator and an executor', () => {
  it('the whole round: send, work, send back, conflicts kept and marked, re-imports harmless', async () => {
    const cur = await curatorDb();
    const file = exportForDepartment(await all(cur), CITY, { origin: CURATOR, now: NOW });
    expect(file).toMatchObject({ kind: 'otklik-exchange', version: 1, origin: CURATOR, to: { department: CITY } });
    // Responsible or co-executor: M2 goes too; M3 is transport's.
    expect(file.messages.map((m) => [m.record.id, m.version])).toEqual([['M1', 2], ['M2', 2], ['M4', 2], ['M5', 2]]);

    const ex = fresh();
    expect(await importExchange(ex, exchangeToText(file), ME, clock, NOW)).toEqual({ ok: true, added: 4, updated: 0, unchanged: 0, conflicts: [] });
    expect(await importExchange(ex, exchangeToText(file), ME, clock, NOW)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 4, conflicts: [] });

    // The unit works: a draft on M1, information as co-executor on M2, a draft on M4 and M5.
    await appendEvent(ex, 'M1', draft('11:00'), clock, NOW);
    await appendEvent(ex, 'M2', { type: 'coExecutorInformationSent', actor: co, at: t('10:30'), payload: { text: 'Ремонт в плане на июнь' } }, clock, NOW);
    await appendEvent(ex, 'M4', draft('12:00'), clock, NOW);
    await appendEvent(ex, 'M5', draft('12:00'), clock, NOW);
    // Meanwhile the curator marks M4 significant (joins the draft fine) and refuses M5 (cannot join it).
    const significant: MessageEvent = { type: 'socialSignificanceSet', actor: curator, at: t('12:10'), payload: { significant: true } };
    await appendEvent(cur, 'M4', significant, clock, NOW);
    const refused: MessageEvent = { type: 'notProcessed', actor: curator, at: t('11:30'), payload: { reason: 'insult' } };
    await appendEvent(cur, 'M5', refused, clock, NOW);

    const back = exportDrafts(await all(ex), ME, NOW);
    expect(back.origin).toEqual(ME);
    const later = NOW + 60_000;
    const result = await importExchange(cur, exchangeToText(back), CURATOR, clock, later);
    expect(result).toMatchObject({ ok: true, added: 0, updated: 2, unchanged: 0 });
    if (!result.ok) return;
    expect(noIds(result.conflicts)).toEqual([
      { id: 'M4', ours: [significant], theirs: [draft('12:00')], merged: true },
      { id: 'M5', ours: [refused], theirs: [draft('12:00')], merged: false },
    ]);
    const m1 = (await cur.messages.get('M1'))!;
    expect(noIds(m1.events.at(-1))).toEqual(draft('11:00'));
    expect((await cur.summaries.get('M1'))!.status).toBe('draftSubmitted');
    expect((await cur.messages.get('M2'))!.events.map((e) => e.type)).toEqual(['received', 'routed', 'coExecutorInformationSent']);
    const m4 = (await cur.messages.get('M4'))!;
    expect(noIds(m4.events)).toEqual([received(), routed([CITY]), draft('12:00'), significant]);
    expect(noIds(conflictOf(m4))).toEqual({ at: later, from: ME, pending: [] });
    const m5 = (await cur.messages.get('M5'))!;
    expect(noIds(m5.events.at(-1))).toEqual(refused);
    expect(noIds(conflictOf(m5))).toEqual({ at: later, from: ME, pending: [draft('12:00')] });

    // The same file again: nothing changes.
    const before = await state(cur);
    expect(await importExchange(cur, exchangeToText(back), CURATOR, clock, later + 1)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 4, conflicts: [] });
    expect(await state(cur)).toEqual(before);

    // The curator decides M5: the refusal stands, the mark goes.
    expect(await resolveConflict(cur, 'M5', clock, later)).toEqual({ ok: true });
    expect(conflictOf((await cur.messages.get('M5'))!)).toBeUndefined();

    // The curator's next file reaches the executor: M4's mark is not sent, the significance is.
    const next = exportForDepartment(await all(cur), CITY, { origin: CURATOR, now: later });
    expect(next.messages.every((m) => !('conflict' in m.record))).toBe(true);
    const r = await importExchange(ex, exchangeToText(next), ME, clock, later);
    // M5 collides on the executor's side too: the curator's refusal stands, the draft waits in the mark.
    expect(noIds(r)).toEqual({ ok: true, added: 0, updated: 1, unchanged: 2, conflicts: [{ id: 'M5', ours: [draft('12:00')], theirs: [refused], merged: false }] });
    expect((await ex.summaries.get('M4'))!.sociallySignificant).toBe(true);
    expect((await ex.summaries.get('M5'))!.status).toBe('notProcessed');
    expect(noIds(conflictOf((await ex.messages.get('M5'))!))).toEqual({ at: later, from: CURATOR, pending: [draft('12:00')] });
    expect(await importExchange(ex, exchangeToText(next), ME, clock, later)).toMatchObject({ ok: true, updated: 0, unchanged: 4 });
    // And back: nothing new for the curator.
    expect(await importExchange(cur, exchangeToText(exportDrafts(await all(ex), ME, later)), CURATOR, clock, later)).toMatchObject({ ok: true, updated: 0, unchanged: 4, conflicts: [] });
  });
});

describe('refused files change nothing', () => {
  async function attempt(db: OtklikDB, text: string, me: ExchangeOrigin) {
    const before = await state(db);
    const r = await importExchange(db, text, me, clock, NOW);
    expect(await state(db)).toEqual(before);
    expect(r.ok).toBe(false);
    return (r as { errors: string[] }).errors;
  }

  it('an executor cannot bring curator decisions or new messages', async () => {
    const cur = await curatorDb();
    const forged = record('M1', [received(), routed([CITY]), draft('11:00'), { type: 'draftApproved', actor: curator, at: t('11:10'), payload: {} }]);
    const file = exportDrafts([forged, (await cur.messages.get('M4'))!], ME, NOW);
    expect(await attempt(cur, exchangeToText(file), CURATOR)).toEqual(['Сообщение «M1»: в файле исполнителя есть действия Куратора, которых здесь не было.']);
    const other = exportDrafts([record('M1', [received(), routed([CITY]), draft('11:00')])], { ...ME, department: TRANSPORT }, NOW);
    other.messages = exportDrafts([record('M1', [received(), routed([CITY]), draft('11:00')])], ME, NOW).messages;
    expect(await attempt(cur, exchangeToText(other), CURATOR)).toEqual([
      `Сообщение «M1»: в файле подразделения «${TRANSPORT}» есть действия другого подразделения.`,
    ]);
    const unknown = exportDrafts([record('NEW', [received(), routed([CITY])])], ME, NOW);
    expect(await attempt(cur, exchangeToText(unknown), CURATOR)).toEqual([
      'Сообщение «NEW» не найдено: исполнитель не может создавать сообщения, их регистрирует Куратор.',
    ]);
  });

  it('a file for another unit, a tampered or truncated file, a backup, a newer version', async () => {
    const cur = await curatorDb();
    const ex = fresh();
    const file = exportForDepartment(await all(cur), DISTRICT, { origin: CURATOR, now: NOW });
    expect(await attempt(ex, exchangeToText(file), ME)).toEqual([
      `Файл предназначен подразделению «${DISTRICT}», а в настройках указано «${CITY}».`,
    ]);
    const tampered = exportForDepartment(await all(cur), CITY, { origin: CURATOR, now: NOW });
    tampered.messages[0]!.record.events.push(draft('11:00'));
    expect(await attempt(ex, exchangeToText(tampered), ME)).toEqual(['Сообщение «M1»: версия не совпадает с историей — файл изменён или повреждён.']);
    const text = exchangeToText(exportForDepartment(await all(cur), CITY, { origin: CURATOR, now: NOW }));
    expect(await attempt(ex, text.slice(0, text.length - 40), ME)).toEqual(['Файл обмена обрезан или повреждён.']);
    expect(await attempt(ex, '{"kind":"otklik-backup","version":1}', ME)).toEqual(['Это резервная копия, а не файл обмена: восстановите её в настройках.']);
    expect(await attempt(ex, text.replace('"version":1', '"version":3'), ME)).toEqual(['Файл от более новой версии Отклика (3), обновите расширение.']);
  });
});
