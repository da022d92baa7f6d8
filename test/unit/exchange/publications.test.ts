import { describe, expect, it } from 'vitest';
import { appendPublicationEvent, listPublications, submitPublication } from '@/lib/db/publications';
import { openDatabase } from '@/lib/db/schema';
import { exchangeToText, exportDrafts, exportForDepartment, importExchange, parseExchange, type ExchangeOrigin } from '@/lib/exchange';
import { replayPublication } from '@/lib/publications/reducer';
import type { PubEventOf } from '@/lib/publications/schema';
import { createWorkClock } from '@/lib/worktime/clock';
import { TRANSPORT, dip, omsk, owner, pev, submitted } from '../publications/helpers';

const clock = createWorkClock();
const fresh = () => openDatabase(`pubx-${Math.random()}`);
const NOW = omsk('2026-03-02T15:00');
const DIP_ORIGIN: ExchangeOrigin = { name: 'Иванова А. С.', role: 'curator' };
const OWNER_ORIGIN: ExchangeOrigin = { name: 'Петров И. И.', role: 'executor', department: TRANSPORT };

describe('publication requests travel in exchange files', () => {
  it('department → DIP: the request arrives; DIP → department: the remarks come back; re-import changes nothing', async () => {
    const dept = fresh();
    const center = fresh();
    await submitPublication(dept, submitted() as PubEventOf<'submitted'>, NOW, 'req-1');
    await submitPublication(dept, submitted(owner('Департамент образования')) as PubEventOf<'submitted'>, NOW, 'req-other');
    const up = exportDrafts([], OWNER_ORIGIN, NOW, await listPublications(dept));
    expect(up.publications?.map((r) => r.id)).toEqual(['req-1']);
    const first = await importExchange(center, exchangeToText(up), DIP_ORIGIN, clock, NOW);
    expect(first.ok && first.publications).toEqual({ added: 1, updated: 0, unchanged: 0 });

    await appendPublicationEvent(center, 'req-1', pev('returned', dip, '2026-03-02T16:00', { remarks: ['Добавьте время', 'Короче'] }), NOW);
    const down = exportForDepartment([], TRANSPORT, { origin: DIP_ORIGIN, now: NOW, publications: await listPublications(center) });
    const back = await importExchange(dept, exchangeToText(down), OWNER_ORIGIN, clock, NOW);
    expect(back.ok && back.publications).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(replayPublication((await dept.publications.get('req-1'))!.events).remarks[0]!.items).toEqual(['Добавьте время', 'Короче']);
    const again = await importExchange(dept, exchangeToText(down), OWNER_ORIGIN, clock, NOW);
    expect(again.ok && again.publications).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  it('a department’s file cannot bring a decision of the DIP', async () => {
    const dept = fresh();
    await submitPublication(dept, submitted() as PubEventOf<'submitted'>, NOW, 'req-1');
    const up = exportDrafts([], OWNER_ORIGIN, NOW, await listPublications(dept));
    up.publications![0]!.events.push({ ...pev('approved', dip, '2026-03-02T16:00', { plannedAt: NOW }), id: 'forged' });
    const r = await importExchange(fresh(), exchangeToText(up), DIP_ORIGIN, clock, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/решения департамента информационной политики/);
  });

  it('a request whose history does not replay is refused with the reason', () => {
    const file = { kind: 'otklik-exchange', version: 1, origin: DIP_ORIGIN, exportedAt: new Date(NOW).toISOString(), messages: [], publications: [{ id: 'x', events: [pev('approved', dip, '2026-03-02T16:00', { plannedAt: NOW })], createdAt: NOW, updatedAt: NOW }] };
    const r = parseExchange(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/Публикация «x»: история не воспроизводится/);
  });
});
