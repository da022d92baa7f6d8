import { describe, expect, it } from 'vitest';
import { weekDates, weekPlan } from '../../../lib/publications/plan';
import { replayPublication } from '../../../lib/publications/reducer';
import { dip, omsk, owner, pev, submitted } from './helpers';

const ZONE = 'Asia/Omsk';
const MONDAY = omsk('2026-03-02T00:00');
const entry = { id: 'admin-vk', name: 'Администрация города', kind: 'administration' as const };

const post = (n: number, at: string) => ({ key: `vk:-1_${n}`, publishedAt: omsk(at), pinned: false, foreign: false, repost: false, text: `Запись ${n}`, permalink: `https://vk.com/wall-1_${n}`, wallSeen: { first: omsk('2026-03-08T20:00'), last: omsk('2026-03-08T20:00') } });

describe('the week of a page as a plan', () => {
  it('seven dates from Monday', () => {
    expect(weekDates(MONDAY, ZONE)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
  });

  it('published posts, approved and planned requests by day, against the target', () => {
    const approved = replayPublication([submitted(owner(), '2026-03-01T10:00', 'Про автобус'), pev('approved', dip, '2026-03-01T11:00', { plannedAt: omsk('2026-03-05T10:00') })]);
    const review = replayPublication([submitted(owner(), '2026-03-01T10:00', 'Про субботник')]);
    const linked = replayPublication([
      submitted(owner(), '2026-03-01T10:00', 'Запись 2'),
      pev('approved', dip, '2026-03-01T11:00', { plannedAt: omsk('2026-03-03T10:00') }),
      pev('published', owner(), '2026-03-03T12:00', { url: 'https://vk.com/wall-1_2', postedAt: omsk('2026-03-03T10:05'), postKey: 'vk:-1_2' }),
    ]);
    const other = replayPublication([{ ...submitted(owner(), '2026-03-01T10:00', 'Другая страница'), payload: { ...(submitted().payload as object), pages: ['dept'] } } as never]);
    const plan = weekPlan(entry, [post(1, '2026-03-02T09:00'), post(2, '2026-03-03T10:05'), post(3, '2026-02-28T09:00')], [
      { id: 'a', state: approved },
      { id: 'r', state: review },
      { id: 'l', state: linked },
      { id: 'o', state: other },
    ], MONDAY, ZONE);
    expect(plan).toMatchObject({ target: 10, published: 2, approved: 1, planned: 1, left: 7 });
    expect(plan.days[1]!.items).toEqual([{ kind: 'published', at: omsk('2026-03-03T10:05'), snippet: 'Запись 2', requestId: 'l', url: 'https://vk.com/wall-1_2' }]);
    expect(plan.days[3]!.items.map((i) => i.kind)).toEqual(['approved']);
    expect(plan.days[2]!.items.map((i) => [i.kind, i.requestId])).toEqual([['planned', 'r']]);
  });
});
