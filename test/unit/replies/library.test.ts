import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { replyTemplatesFromFile, replyTemplatesToFile } from '@/lib/replies/file';
import { applyTemplateChange, mergeTemplates } from '@/lib/replies/library';
import { braceProblem, checkReplyLibrary, readReplyLibrary, type ReplyTemplate } from '@/lib/replies/schema';
import { importReplyTemplates, loadReplyTemplates, REPLY_TEMPLATES_KEY, saveReplyTemplates, watchReplyTemplates } from '@/lib/replies/store';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';

const T = Date.UTC(2025, 4, 13, 3, 0);

const heating: ReplyTemplate = {
  id: 'heat',
  title: 'Отопление: проверка',
  topic: 'Отопление',
  department: '',
  text: 'Здравствуйте, {имя}! Проверим отопление по адресу {адрес} и ответим до {дата ответа}.',
  updatedAt: T,
  updatedBy: 'Ольга Петрова',
};
const bus: ReplyTemplate = { ...heating, id: 'bus', title: 'Автобус', topic: 'Транспорт', department: 'Департамент транспорта', text: '{имя}, маршрут проверим.' };
const library = (templates: ReplyTemplate[]) => ({ version: 1, templates });

describe('a template is checked before it is written', () => {
  it.each([
    ['Здравствуйте, {имя}!', null],
    ['Без подстановок', null],
    ['Здравствуйте, {имя!', 'подстановка «{имя!» не закрыта: нет «}»'],
    ['Здравствуйте, {имя {адрес}', 'подстановка «{имя» не закрыта: нет «}»'],
    ['Здравствуйте, имя}!', 'лишняя «}» без «{»'],
    ['Здравствуйте, {}!', 'пустая подстановка «{}»: напишите в скобках, что подставить, например {имя}'],
  ])('%s → %s', (text, problem) => {
    expect(braceProblem(text)).toBe(problem);
  });

  it('says in Russian which template and which field', () => {
    expect(checkReplyLibrary(library([heating, bus]))).toEqual({ ok: true, value: library([heating, bus]) });
    const bad = checkReplyLibrary(library([heating, { ...bus, title: '  ', text: 'Маршрут {номер' }, { ...heating, title: 'Копия' }]));
    expect(bad).toEqual({
      ok: false,
      errors: [
        'Шаблон 2 (без названия): название: не заполнено',
        'Шаблон 2 (без названия): текст: подстановка «{номер» не закрыта: нет «}»',
        'Шаблон «Копия»: идентификатор «heat» повторяется',
      ],
    });
    expect(checkReplyLibrary(library([{ ...heating, text: '' }]))).toEqual({ ok: false, errors: ['Шаблон «Отопление: проверка»: текст: пуст'] });
    expect(checkReplyLibrary({ version: 2, templates: [] }).ok).toBe(false);
  });

  it('reading never throws: a damaged library keeps the templates that pass', () => {
    expect(readReplyLibrary(undefined)).toEqual([]);
    expect(readReplyLibrary([heating])).toEqual([]);
    expect(readReplyLibrary(library([heating, { ...bus, text: 42 } as never, { ...heating, title: 'Повтор' }]))).toEqual([heating]);
  });
});

describe('the curator’s edits', () => {
  it('stamps what changed with the time and the name, keeps the rest, adds and removes', () => {
    const next = applyTemplateChange(
      [heating, bus],
      {
        edits: [
          { id: 'heat', title: heating.title, topic: heating.topic, department: '', text: heating.text },
          { id: 'bus', title: ' Автобус: маршрут ', topic: 'Транспорт', department: bus.department, text: bus.text },
          { id: 'new', title: 'Мусор', topic: 'Вывоз мусора', department: '', text: '  {имя}, мусор вывезут.\n' },
        ],
        removed: [],
      },
      'Анна',
      T + 1,
    );
    expect(next).toEqual([
      heating,
      { ...bus, title: 'Автобус: маршрут', updatedAt: T + 1, updatedBy: 'Анна' },
      { id: 'new', title: 'Мусор', topic: 'Вывоз мусора', department: '', text: '{имя}, мусор вывезут.', updatedAt: T + 1, updatedBy: 'Анна' },
    ]);
    expect(applyTemplateChange([heating, bus], { edits: [], removed: ['heat'] }, 'Анна', T + 1)).toEqual([bus]);
  });

  it('joining a file or a backup: the later edit of a template wins, nothing of ours goes', () => {
    const newer = { ...heating, text: 'Новый текст {имя}', updatedAt: T + 5 };
    const older = { ...bus, text: 'Старый', updatedAt: T - 5 };
    const extra = { ...heating, id: 'x', title: 'Из файла' };
    expect(mergeTemplates([heating, bus], [newer, older, extra])).toEqual({ templates: [newer, bus, extra], added: 1, updated: 1 });
  });
});

describe('the library in storage', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, role: 'curator', userName: 'Ольга Петрова', onboarded: true } });
  });

  it('saves a valid edit signed by the user; a bad one writes nothing and says why', async () => {
    const seen: ReplyTemplate[][] = [];
    const stop = watchReplyTemplates((t) => seen.push(t));
    const saved = await saveReplyTemplates({ edits: [{ id: 'heat', title: heating.title, topic: 'Отопление', department: '', text: heating.text }], removed: [] }, T);
    expect(saved).toEqual({ ok: true, value: [heating] });
    expect((await browser.storage.local.get(REPLY_TEMPLATES_KEY))[REPLY_TEMPLATES_KEY]).toEqual(library([heating]));

    const bad = await saveReplyTemplates({ edits: [{ id: 'heat', title: '', topic: '', department: '', text: 'Здравствуйте, {имя' }], removed: [] }, T + 1);
    expect(bad).toEqual({
      ok: false,
      errors: ['Шаблон 1 (без названия): название: не заполнено', 'Шаблон 1 (без названия): текст: подстановка «{имя» не закрыта: нет «}»'],
    });
    expect(await loadReplyTemplates()).toEqual([heating]);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([[heating]]);
    stop();
  });

  it('a template changed in another tab survives a save that did not touch it', async () => {
    await browser.storage.local.set({ [REPLY_TEMPLATES_KEY]: library([heating, bus]) });
    const elsewhere = { ...bus, text: '{имя}, маршрут № 5 вернут.', updatedAt: T + 3 };
    await browser.storage.local.set({ [REPLY_TEMPLATES_KEY]: library([heating, elsewhere]) });
    await saveReplyTemplates({ edits: [{ ...heating, text: 'Здравствуйте, {имя}!' }], removed: [] }, T + 4);
    expect(await loadReplyTemplates()).toEqual([{ ...heating, text: 'Здравствуйте, {имя}!', updatedAt: T + 4, updatedBy: 'Ольга Петрова' }, elsewhere]);
  });

  it('exports a file that imports back; a foreign or damaged file changes nothing', async () => {
    const file = replyTemplatesToFile([heating, bus], new Date(T));
    expect(JSON.parse(file)).toMatchObject({ kind: 'otklik-reply-templates', version: 1, exportedAt: '2025-05-13T03:00:00.000Z' });
    expect(replyTemplatesFromFile(file)).toEqual({ ok: true, templates: [heating, bus] });

    await browser.storage.local.set({ [REPLY_TEMPLATES_KEY]: library([heating]) });
    expect(await importReplyTemplates(file)).toEqual({ ok: true, added: 1, updated: 0 });
    expect(await loadReplyTemplates()).toEqual([heating, bus]);

    expect(await importReplyTemplates('{oops')).toEqual({ ok: false, errors: ['Файл не в формате JSON'] });
    expect(await importReplyTemplates('{"kind":"otklik-lexicon","version":1}')).toEqual({ ok: false, errors: ['Это не файл шаблонов ответов Отклика'] });
    expect(await importReplyTemplates('{"kind":"otklik-reply-templates","version":7,"templates":[]}')).toEqual({
      ok: false,
      errors: ['Версия файла 7 не поддерживается'],
    });
    const damaged = JSON.stringify({ kind: 'otklik-reply-templates', version: 1, templates: [{ ...heating, id: 'z', title: '' }] });
    expect(await importReplyTemplates(damaged)).toEqual({ ok: false, errors: ['Шаблон 1 (без названия): название: не заполнено'] });
    expect(await loadReplyTemplates()).toEqual([heating, bus]);
  });
});
