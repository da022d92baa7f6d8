/**
 * Backup of 50,000 messages with their histories (about 6 events each): generate and store them,
 * export to text, parse and check the file, restore it into an empty database, and merge it again
 * into the restored one. Targets (Node, fake-indexeddb): export ≤ 3 s, parse and check
 * ≤ 3 s, restore into an empty database ≤ 10 s.
 * `npx tsx test/bench/backup.bench.ts`, or `benchBackup()` from `npm run bench`.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { backupToText, exportBackup, parseBackup, restoreBackup, type BackupStorage } from '../../lib/backup';
import { openDatabase } from '../../lib/db/schema';
import { derive } from '../../lib/messages/summary';
import type { MessageRecord } from '../../lib/messages/types';
import type { Actor, MessageEvent } from '../../lib/workflow/schema';
import { createWorkClock } from '../../lib/worktime/clock';
import { seeded } from '../random';

const MESSAGES = 50_000;
const FROM = Date.parse('2025-01-09T09:00:00+06:00');
const TO = Date.parse('2026-12-01T00:00:00+06:00');
const MINUTE = 60_000;

const curator: Actor = { role: 'curator', name: 'Куратор' };
const UNITS = ['Департамент городского хозяйства', 'Департамент транспорта', 'Администрация Центрального округа', 'Департамент образования'];

function records(): MessageRecord[] {
  const rnd = seeded(0x9e3779b9).next;
  const out: MessageRecord[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    let at = FROM + Math.floor(rnd() * (TO - FROM));
    const t0 = at;
    const step = (minutes: number) => (at += (1 + Math.floor(rnd() * minutes)) * MINUTE);
    const unit = UNITS[i % UNITS.length]!;
    const executor: Actor = { role: 'executor', name: 'Исполнитель', department: unit };
    const events: MessageEvent[] = [
      { type: 'received', actor: curator, at, payload: { importance: rnd() < 0.2 ? 'high' : 'normal', topic: 'Дороги', location: 'Центральный округ' } },
      { type: 'routed', actor: curator, at: step(60), payload: { executors: [{ department: unit }] } },
      { type: 'draftSubmitted', actor: executor, at: step(300), payload: { kind: 'final', text: `Ответ на сообщение ${i}: работы запланированы.` } },
    ];
    if (rnd() < 0.3) {
      events.push({ type: 'draftReturned', actor: curator, at: step(60), payload: { remarks: 'Укажите сроки' } });
      events.push({ type: 'draftResubmitted', actor: executor, at: step(90), payload: { text: `Ответ на сообщение ${i}: работы до 1 июня.` } });
    }
    events.push({ type: 'draftApproved', actor: curator, at: step(60), payload: {} });
    if (rnd() < 0.8) events.push({ type: 'published', actor: curator, at: step(60), payload: { url: `https://vk.com/wall-1_1?reply=${i}` } });
    out.push({
      id: `m${i}`,
      site: 'vk',
      commentRef: `vk:-1_${100000 + i}`,
      url: `https://vk.com/wall-1_1?reply=${100000 + i}`,
      author: `Житель ${i % 977}`,
      text: `Когда отремонтируют дорогу у дома ${i % 300}? Ямы по колено, машины ломаются.`,
      events,
      source: {
        pageKey: 'vk:-1',
        pageName: 'Администрация города',
        pageUrl: 'https://vk.com/club1',
        postId: '-1_1',
        commentId: `-1_${100000 + i}`,
        permalink: `https://vk.com/wall-1_1?reply=${100000 + i}`,
        authorId: String(i % 977),
        authorUrl: null,
        writtenAt: t0 - 10 * MINUTE,
      },
      importKey: `vk:-1_${100000 + i}`,
      workingDraft: '',
      createdAt: t0,
      updatedAt: at,
    });
  }
  return out;
}

function memory(): BackupStorage {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items) => void Object.assign(data, items),
    remove: async (keys) => keys.forEach((k) => delete data[k]),
  };
}

export interface BackupBench {
  messages: number;
  events: number;
  bytes: number;
  generateMs: number;
  exportMs: number;
  parseMs: number;
  restoreMs: number;
  mergeMs: number;
}

export async function benchBackup(): Promise<BackupBench> {
  const clock = createWorkClock();
  const now = TO;
  const ms = (t: number) => Math.round(performance.now() - t);

  let t = performance.now();
  const source = openDatabase(`bench-backup-${Date.now()}-a`);
  const list = records();
  await source.transaction('rw', source.messages, source.summaries, async () => {
    await source.messages.bulkAdd(list);
    await source.summaries.bulkAdd(list.map((r) => derive(r, clock, now).summary));
  });
  const generateMs = ms(t);

  t = performance.now();
  const text = backupToText(await exportBackup(source, memory(), now));
  const exportMs = ms(t);

  t = performance.now();
  const parsed = parseBackup(text);
  const parseMs = ms(t);
  if (!parsed.ok) throw new Error(parsed.error);

  const target = openDatabase(`bench-backup-${Date.now()}-b`);
  t = performance.now();
  const restored = await restoreBackup(target, memory(), parsed.backup, 'replace', clock, now);
  const restoreMs = ms(t);
  if (!restored.ok) throw new Error(restored.error);

  t = performance.now();
  const merged = await restoreBackup(target, memory(), parsed.backup, 'merge', clock, now);
  const mergeMs = ms(t);
  if (!merged.ok) throw new Error(merged.error);

  source.close();
  target.close();
  return {
    messages: list.length,
    events: list.reduce((s, r) => s + r.events.length, 0),
    bytes: Buffer.byteLength(text),
    generateMs,
    exportMs,
    parseMs,
    restoreMs,
    mergeMs,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const r = await benchBackup();
  console.log(`Резервная копия: ${r.messages.toLocaleString('ru-RU')} сообщений, ${r.events.toLocaleString('ru-RU')} событий, ${(r.bytes / 1048576).toFixed(1)} МБ`);
  console.log(`  создание базы     ${r.generateMs} мс`);
  console.log(`  выгрузка в текст  ${r.exportMs} мс`);
  console.log(`  чтение и проверка ${r.parseMs} мс`);
  console.log(`  восстановление    ${r.restoreMs} мс (замена, в пустую базу)`);
  console.log(`  объединение       ${r.mergeMs} мс (тот же файл в восстановленную базу)`);
  console.log(JSON.stringify(r));
}
