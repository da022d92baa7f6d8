import { describe, expect, it } from 'vitest';
import type { RegistryEntry, RegistryField } from '@/lib/registry/entry';
import { describeRegistryImport, nameList, planRegistryImport, removalQuestion, type RegistryImportMode } from '@/lib/registry/plan';
import { entry } from './helpers';

const adm = entry({ id: 'adm', name: 'Администрация', url: 'https://vk.com/club100', ownerId: '-100' });
const culture = entry({ id: 'cult', name: 'Культура', kind: 'department', department: 'Департамент культуры', url: 'https://vk.com/club2', ownerId: '-2', notes: 'ведёт пресс-служба', weeklyTarget: 7 });
/** The page added from its wall a moment before the import: the file knows nothing of it. */
const fromWall = entry({ id: 'wall', name: 'Спорт', kind: 'department', department: 'Департамент спорта', url: 'https://vk.com/club3', ownerId: '-3' });
const registry = [adm, culture, fromWall];
const fresh = entry({ id: 'file-1', name: 'Образование', kind: 'department', department: 'Департамент образования', url: 'https://ok.ru/group/9', site: 'ok', ownerId: null });

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

type Row = {
  name: string;
  mode: RegistryImportMode;
  existing: RegistryEntry[];
  incoming: RegistryEntry[];
  fields?: RegistryField[];
  added?: string[];
  changed?: [string, RegistryField[]][];
  unchanged?: string[];
  kept?: string[];
  removed?: string[];
  /** The registry afterwards, by id. */
  after: string[];
};

const table: Row[] = [
  {
    name: 'merge: a new page is added, the same page is unchanged, the page from the wall is kept',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...adm, id: 'other-id' }, fresh],
    added: ['file-1'],
    unchanged: ['adm'],
    kept: ['cult', 'wall'],
    after: ['adm', 'cult', 'wall', 'file-1'],
  },
  {
    name: 'merge: a found page is updated where the file differs, and keeps its id',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...adm, id: 'x', responsible: 'Петров П. П.', twoFactorConfirmedAt: '2026-11-20' }],
    changed: [['adm', ['responsible', 'twoFactorConfirmedAt']]],
    kept: ['cult', 'wall'],
    after: ['adm', 'cult', 'wall'],
  },
  {
    name: 'merge: the address is compared normalised (vk.ru, public, trailing slash, case)',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...culture, id: 'x', url: 'https://VK.ru/public2/', ownerId: null }],
    changed: [['cult', ['url']]],
    kept: ['adm', 'wall'],
    after: ['adm', 'cult', 'wall'],
  },
  {
    name: 'merge: a page whose address changed is still found by its owner id',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...culture, id: 'x', url: 'https://vk.com/omsk_culture' }],
    changed: [['cult', ['url']]],
    kept: ['adm', 'wall'],
    after: ['adm', 'cult', 'wall'],
  },
  {
    name: 'merge: an empty owner id in the file does not erase a known one',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...adm, ownerId: null }],
    unchanged: ['adm'],
    kept: ['cult', 'wall'],
    after: ['adm', 'cult', 'wall'],
  },
  {
    name: 'merge: columns the file has not got keep what the page had; an empty target cell clears it',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...culture, notes: '', weeklyTarget: undefined, responsible: 'Сидоров' }],
    fields: ['site', 'url', 'name', 'kind', 'department', 'responsible', 'weeklyTarget'],
    changed: [['cult', ['responsible', 'weeklyTarget']]],
    kept: ['adm', 'wall'],
    after: ['adm', 'cult', 'wall'],
  },
  {
    name: 'merge: a new page whose id the registry already uses gets a new id',
    mode: 'merge',
    existing: registry,
    incoming: [{ ...fresh, id: 'adm' }],
    added: ['new-1'],
    kept: ['adm', 'cult', 'wall'],
    after: ['adm', 'cult', 'wall', 'new-1'],
  },
  {
    name: 'merge into an empty registry adds everything',
    mode: 'merge',
    existing: [],
    incoming: [adm, fresh],
    added: ['adm', 'file-1'],
    after: ['adm', 'file-1'],
  },
  {
    name: 'replace: pages the file does not mention are removed, the rest as in a merge',
    mode: 'replace',
    existing: registry,
    incoming: [{ ...adm, name: 'Администрация города' }, fresh],
    added: ['file-1'],
    changed: [['adm', ['name']]],
    removed: ['cult', 'wall'],
    after: ['adm', 'file-1'],
  },
  {
    name: 'replace with the same pages removes nothing',
    mode: 'replace',
    existing: [adm, culture],
    incoming: [culture, adm],
    unchanged: ['cult', 'adm'],
    after: ['adm', 'cult'],
  },
  {
    name: 'an address match is not taken by another row’s owner id',
    mode: 'merge',
    existing: [
      entry({ id: 'p', url: 'https://vk.com/p', ownerId: '-8', name: 'P' }),
      entry({ id: 'q', url: 'https://vk.com/club7', ownerId: null, name: 'Q' }),
    ],
    incoming: [
      entry({ id: 'a', url: 'https://vk.com/club7', ownerId: '-8', name: 'Q' }),
      entry({ id: 'b', url: 'https://vk.com/p', ownerId: null, name: 'P' }),
    ],
    changed: [['q', ['ownerId']]],
    unchanged: ['p'],
    after: ['p', 'q'],
  },
];

describe('planRegistryImport', () => {
  it.each(table.map((row) => [row.name, row] as const))('%s', (_, row) => {
    const plan = planRegistryImport(row.existing, row.incoming, row.mode, { fields: row.fields, newId: ids() });
    expect({
      added: plan.added.map((e) => e.id),
      changed: plan.changed.map((c) => [c.before.id, c.fields]),
      unchanged: plan.unchanged.map((e) => e.id),
      kept: plan.kept.map((e) => e.id),
      removed: plan.removed.map((e) => e.id),
      after: plan.entries.map((e) => e.id),
    }).toEqual({
      added: row.added ?? [],
      changed: row.changed ?? [],
      unchanged: row.unchanged ?? [],
      kept: row.kept ?? [],
      removed: row.removed ?? [],
      after: row.after,
    });
  });

  it('the updated page is the old one with what the file says, and nothing else', () => {
    const plan = planRegistryImport(registry, [{ ...culture, id: 'x', notes: '', weeklyTarget: undefined, responsible: 'Сидоров' }], 'merge', {
      fields: ['site', 'url', 'name', 'kind', 'department', 'responsible'],
    });
    expect(plan.changed[0]!.after).toEqual({ ...culture, responsible: 'Сидоров' });
    const cleared = planRegistryImport(registry, [{ ...culture, weeklyTarget: undefined }], 'merge');
    expect(cleared.changed[0]!.after).not.toHaveProperty('weeklyTarget');
  });

  it('does not touch what it is given', () => {
    const before = structuredClone(registry);
    planRegistryImport(registry, [{ ...adm, name: 'Другое' }], 'replace');
    expect(registry).toEqual(before);
  });
});

describe('describeRegistryImport', () => {
  it('names every category with its count and the pages', () => {
    const plan = planRegistryImport(registry, [{ ...adm, responsible: 'Петров', name: 'Администрация города' }, fresh], 'merge');
    expect(describeRegistryImport(plan)).toEqual([
      'Добавлено: 1 страница («Образование»)',
      'Изменено: 1 страница («Администрация города»: название, ответственный)',
      'Без изменений: 0 страниц',
      'Оставлено (нет в файле): 2 страницы («Культура», «Спорт»)',
      'Удалено: 0 страниц',
    ]);
  });

  it.each([
    [1, 'Добавлено: 1 страница'],
    [3, 'Добавлено: 3 страницы'],
    [5, 'Добавлено: 5 страниц'],
    [11, 'Добавлено: 11 страниц'],
    [21, 'Добавлено: 21 страница'],
  ])('%i pages', (n, start) => {
    const incoming = Array.from({ length: n }, (_, i) => entry({ id: `n${i}`, url: `https://vk.com/club${1000 + i}`, ownerId: null, name: `П${i}` }));
    expect(describeRegistryImport(planRegistryImport([], incoming, 'merge'))[0]).toMatch(new RegExp(`^${start} \\(`));
  });

  it('a long list is cut after ten names', () => {
    expect(nameList(Array.from({ length: 13 }, (_, i) => `«${i + 1}»`))).toBe('«1», «2», «3», «4», «5», «6», «7», «8», «9», «10» и ещё 3');
  });

  it.each([
    [1, 'Будет удалена 1 страница, которой нет в файле:'],
    [2, 'Будут удалены 2 страницы, которых нет в файле:'],
    [5, 'Будут удалены 5 страниц, которых нет в файле:'],
    [21, 'Будет удалена 21 страница, которой нет в файле:'],
  ])('asks before removing %i', (n, text) => {
    expect(removalQuestion(n)).toBe(text);
  });
});
