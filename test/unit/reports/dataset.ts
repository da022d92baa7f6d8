/**
 * Twenty messages received on Tuesday 13 May 2025 at 09:00 Omsk (working day 08:30–17:45, lunch
 * 13–14), with violations known by hand:
 * - A1–A8: on time throughout (A1 marked socially significant);
 * - B1–B4: routed at 10:00, 30 min after §4.4's 09:30; B4 also published on Wednesday at 10:00:
 *   §10 (due Tue 12:50) late by 325 working minutes, §6 (due Wed 09:45) late by 15;
 * - C1–C4: drafts at 15:30, 30 min after §7's 15:00 (C1–C2 city, C3–C4 district);
 * - D1–D3: approved at 12:20 and never published: §10 (12:50) and §6 (Wed 09:45) missed, the
 *   curator's (D1 marked socially significant);
 * - E1: routed to transport and never drafted: §7 (15:00) and §6 (Wed 09:45) missed, transport's.
 * Plus OLD, a week earlier and routed late: outside the period.
 * The report is taken on Thursday 15 May at 09:00.
 */
import type { MessageRecord } from '@/lib/messages/types';
import type { Actor, MessageEvent } from '@/lib/workflow/schema';
import { messageRecord, type RecordOverrides } from '../../messages';

export const omsk = (s: string) => Date.parse(`${s}+06:00`);
export const NOW = omsk('2025-05-15T09:00');
export const PERIOD = { from: omsk('2025-05-13T00:00'), to: omsk('2025-05-15T00:00') };

export const CITY = 'Департамент городского хозяйства';
export const DISTRICT = 'Администрация Центрального округа';
export const TRANSPORT = 'Департамент транспорта';

export const curator: Actor = { role: 'curator', name: 'Иванова А. С.' };
export const executor = (department: string): Actor => ({ role: 'executor', name: 'Петров И. И.', department });

const day = (d: number, hm: string) => omsk(`2025-05-${String(d).padStart(2, '0')}T${hm}`);

export function record(id: string, events: MessageEvent[], extra: RecordOverrides = {}): MessageRecord {
  return messageRecord(id, events, { text: `Сообщение ${id}: яма у дома`, ...extra });
}

interface Plan {
  dept: string;
  route: string;
  draft?: string;
  approve?: string;
  publish?: string;
  significantAt?: string;
  d?: number;
}

/** 'HH:MM' on the message's day, or 'DD HH:MM' on another day of May. */
const at = (when: string, d: number) => {
  const [a, b] = when.split(' ');
  return b ? day(Number(a), b) : day(d, a!);
};

export function history(p: Plan): MessageEvent[] {
  const d = p.d ?? 13;
  const ex = executor(p.dept);
  const events: MessageEvent[] = [
    { type: 'received', actor: curator, at: day(d, '09:00'), payload: { importance: 'normal', topic: 'Дороги' } },
    { type: 'routed', actor: curator, at: at(p.route, d), payload: { executors: [p.dept === TRANSPORT ? { department: p.dept, name: 'Орлов П. П.' } : { department: p.dept }] } },
  ];
  if (p.draft) events.push({ type: 'draftSubmitted', actor: ex, at: at(p.draft, d), payload: { kind: 'final', text: 'Ответ: яму заделают.' } });
  if (p.approve) events.push({ type: 'draftApproved', actor: curator, at: at(p.approve, d), payload: {} });
  if (p.publish) events.push({ type: 'published', actor: curator, at: at(p.publish, d), payload: {} });
  if (p.significantAt) events.push({ type: 'socialSignificanceSet', actor: curator, at: at(p.significantAt, d), payload: { significant: true } });
  return events;
}

export function dataset(): MessageRecord[] {
  const out: MessageRecord[] = [];
  for (let i = 1; i <= 8; i++)
    out.push(record(`A${i}`, history({ dept: i % 2 ? CITY : DISTRICT, route: '09:10', draft: '12:00', approve: '12:20', publish: '12:40', significantAt: i === 1 ? '12:45' : undefined })));
  for (let i = 1; i <= 4; i++)
    out.push(record(`B${i}`, history({ dept: CITY, route: '10:00', draft: '12:00', approve: '12:20', publish: i === 4 ? '14 10:00' : '12:40' })));
  for (let i = 1; i <= 4; i++)
    out.push(record(`C${i}`, history({ dept: i <= 2 ? CITY : DISTRICT, route: '09:10', draft: '15:30', approve: '15:40', publish: '15:50' })));
  for (let i = 1; i <= 3; i++)
    out.push(record(`D${i}`, history({ dept: CITY, route: '09:10', draft: '12:00', approve: '12:20', significantAt: i === 1 ? '12:25' : undefined })));
  out.push(record('E1', history({ dept: TRANSPORT, route: '09:10' })));
  out.push(record('OLD', history({ dept: CITY, d: 6, route: '10:00', draft: '12:00', approve: '12:20', publish: '12:40' })));
  return out;
}
