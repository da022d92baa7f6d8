import type { Actor, MessageEvent } from '../../../lib/workflow';

export const omsk = (s: string) => Date.parse(`${s}+06:00`);

export const CITY = 'Департамент городского хозяйства';
export const DISTRICT = 'Администрация Центрального округа';
export const TRANSPORT = 'Департамент транспорта';

export const curator: Actor = { role: 'curator', name: 'Иванова А. С.', department: 'Департамент информационной политики' };
export const executor = (department = CITY): Actor => ({ role: 'executor', name: 'Петров И. И.', department });
export const coExecutor = (department = DISTRICT): Actor => ({ role: 'coExecutor', name: 'Сидорова Е. В.', department });

type Payloads = { [E in MessageEvent as E['type']]: E['payload'] };

export function ev<T extends keyof Payloads>(type: T, actor: Actor, at: string, payload: Payloads[T], note?: string): MessageEvent {
  return { type, actor, at: omsk(at), payload, ...(note !== undefined && { note }) } as MessageEvent;
}
