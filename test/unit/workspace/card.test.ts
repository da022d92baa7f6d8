import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putMessage } from '@/lib/db/messages';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import { buildImport } from '@/lib/messages/import';
import { cardModel } from '@/lib/workspace/card';
import { createWorkClock } from '@/lib/worktime/clock';
import { until } from './helpers';

const clock = signal(createWorkClock());
const NOW = Date.UTC(2025, 8, 16, 8, 0);
const curator = { role: 'curator' as const, name: 'Анна' };

function record() {
  const built = buildImport('Текст;Ссылка;Получено\nЯма у школы;https://vk.com/wall-123456_1001?reply=3002;2025-09-16 12:00\n', 'csv', { text: 'Текст', url: 'Ссылка', receivedAt: 'Получено' }, { now: NOW, actor: curator, zone: 'Asia/Omsk' });
  if (!built.ok) throw new Error(built.errors.join('; '));
  return built.records[0]!;
}

describe('the card model', () => {
  let db: OtklikDB;
  beforeEach(() => {
    db = openDatabase(`card-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('opens the selected message and shows the state an act returned, without replaying it again', async () => {
    const r = record();
    await putMessage(db, r, clock.value, NOW);
    const card = cardModel({ db, clock, now: signal(NOW + 60_000), selected: r.id, at: () => NOW + 60_000 });
    await until(() => card.message.value?.derived.state.status === 'received');
    const result = await card.act({ type: 'routed', actor: curator, at: NOW + 60_000, payload: { executors: [{ department: 'Департамент городского хозяйства' }] } });
    expect(result).toEqual({ ok: true });
    await until(() => card.message.value?.derived.state.status === 'routed');
    expect(card.message.value!.derived.state.responsible).toEqual({ department: 'Департамент городского хозяйства' });
    expect((await db.messages.get(r.id))!.events.map((e) => e.type)).toEqual(['received', 'routed']);
  });

  it('a refused act comes back in Russian and changes nothing', async () => {
    const r = record();
    await putMessage(db, r, clock.value, NOW);
    const card = cardModel({ db, clock, now: signal(NOW), selected: r.id, at: () => NOW + 60_000 });
    const result = await card.act({ type: 'draftApproved', actor: curator, at: NOW + 60_000, payload: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Действие не выполнено: «согласование проекта»/);
    expect((await db.messages.get(r.id))!.events).toHaveLength(1);
    expect(await cardModel({ db, clock, now: signal(NOW) }).act({ type: 'draftApproved', actor: curator, at: NOW, payload: {} })).toEqual({ ok: false, error: 'Сообщение не выбрано' });
  });

  it('follows the selection', async () => {
    const r = record();
    await putMessage(db, r, clock.value, NOW);
    const card = cardModel({ db, clock, now: signal(NOW) });
    expect(card.message.value).toBeNull();
    card.selectedId.value = r.id;
    await until(() => card.message.value?.record.id === r.id);
  });
});
