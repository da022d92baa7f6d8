import type { PubActor, PublicationEvent } from '../../../lib/publications/schema';

export const omsk = (s: string) => Date.parse(`${s}+06:00`);

export const TRANSPORT = 'Департамент транспорта';
export const DIP = 'Департамент информационной политики';

export const dip: PubActor = { role: 'curator', name: 'Иванова А. С.', department: DIP };
export const owner = (department = TRANSPORT): PubActor => ({ role: 'owner', name: 'Петров И. И.', department });
export const executor = (department = TRANSPORT): PubActor => ({ role: 'executor', name: 'Сидорова Е. В.', department });
export const moderator: PubActor = { role: 'moderator', name: 'Кузнецов П. П.', department: DIP };

type Payloads = { [E in PublicationEvent as E['type']]: E['payload'] };

let n = 0;
export function pev<T extends keyof Payloads>(type: T, actor: PubActor, at: string, payload: Payloads[T]): PublicationEvent {
  return { id: `e${++n}`, type, actor, at: omsk(at), payload } as PublicationEvent;
}

export const TEXT = 'С понедельника автобус № 12 ходит по новому маршруту — через Левобережье. Схема в карточках. Вопросы задавайте в комментариях!';

export const submitted = (actor = owner(), at = '2026-03-02T10:00', text = TEXT) =>
  pev('submitted', actor, at, { text, format: 'card', attachments: [{ name: 'схема.png', size: 120_000 }], wishedDate: '2026-03-04', pages: ['admin-vk'] });
