/** «Шаблоны ответов» on the options page: the curator's library of saved replies. */
import { signal } from '@preact/signals';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { TemplatesForm } from '@/components/options/TemplatesForm';
import type { TemplateChange } from '@/lib/replies/library';
import type { ReplyTemplate } from '@/lib/replies/schema';
import { loadReplyTemplates, REPLY_TEMPLATES_KEY, saveReplyTemplates, watchReplyTemplates } from '@/lib/replies/store';
import { DEFAULT_SETTINGS, type StaffRole, type Settings } from '@/lib/settings/defaults';
import { EMPTY_LEXICON } from '@/lib/settings/lexicon-read';

const T = Date.UTC(2025, 4, 13, 3, 0);
const heating: ReplyTemplate = {
  id: 'heat',
  title: 'Отопление: проверка',
  topic: 'Отопление',
  department: '',
  text: 'Здравствуйте, {имя}! Проверим отопление по адресу {адрес}.',
  updatedAt: T,
  updatedBy: 'Ольга Петрова',
};
const bus: ReplyTemplate = { ...heating, id: 'bus', title: 'Автобус', topic: 'Транспорт', department: 'Департамент транспорта', text: '{имя}, маршрут проверим.' };

function page(role: StaffRole, templates: ReplyTemplate[], onSave = vi.fn(async (_: TemplateChange) => ({ ok: true as const }))) {
  let n = 0;
  render(
    <OptionsPage
      settings={signal({ ...DEFAULT_SETTINGS, onboarded: true, role })}
      lexicon={signal(EMPTY_LEXICON)}
      allowlist={signal({ comments: [], words: [] })}
      onSaveSettings={async () => ({ ok: true })}
      onSaveLexicon={async () => ({ ok: true })}
      onImport={async () => ({ ok: true })}
      onExport={() => {}}
      onForget={() => {}}
      templates={<TemplatesForm templates={templates} zone="Asia/Omsk" onSave={onSave} newId={() => `new-${++n}`} />}
    />,
  );
  return { onSave };
}

const section = () => screen.getByRole('form', { name: 'Шаблоны ответов' });
const template = (title: string) => within(section()).getByRole('group', { name: `Шаблон «${title}»` });
const field = (title: string, label: string) => within(template(title)).getByLabelText(label) as HTMLInputElement | HTMLTextAreaElement;

describe('the options page: «Шаблоны ответов»', () => {
  it('is the curator’s: shown to the curator, not to an executor', () => {
    page('curator', [heating]);
    expect(section()).toBeTruthy();
    expect(field('Отопление: проверка', 'Текст').value).toBe(heating.text);
    expect(within(template('Отопление: проверка')).getByText('Изменён 13.05.2025, 09:00, Ольга Петрова')).toBeTruthy();
    expect(screen.getByTestId('placeholders').textContent).toContain('{дата ответа} — срок окончательного ответа (п. 11)');
    document.body.innerHTML = '';
    page('executor', [heating]);
    expect(screen.queryByRole('form', { name: 'Шаблоны ответов' })).toBeNull();
  });

  it('saves only what the curator changed and added, and says so', async () => {
    const { onSave } = page('curator', [heating, bus]);
    fireEvent.input(field('Отопление: проверка', 'Текст'), { target: { value: 'Здравствуйте, {имя}! Бригада проверит дом {номер дома}.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить шаблон' }));
    const fresh = template('Новый шаблон 3');
    // The new template's title takes the focus.
    expect(document.activeElement).toBe(within(fresh).getByLabelText('Название'));
    fireEvent.input(within(fresh).getByLabelText('Название'), { target: { value: 'Мусор' } });
    fireEvent.input(field('Мусор', 'Тема'), { target: { value: 'Вывоз мусора' } });
    fireEvent.input(field('Мусор', 'Текст'), { target: { value: '{имя}, контейнеры вывезут сегодня.' } });
    // The gap the executor fills is named under the text.
    expect(within(template('Отопление: проверка')).getByText('Заполнит исполнитель: {номер дома}')).toBeTruthy();
    // The drafts' style checks apply to the wording itself; its gaps are meant and not flagged.
    expect(within(template('Мусор')).queryByRole('list', { name: 'Замечания к тексту шаблона' })).toBeNull();
    fireEvent.input(field('Мусор', 'Текст'), { target: { value: '{имя}, ваше обращение принято к сведению.' } });
    expect(within(template('Мусор')).getByRole('list', { name: 'Замечания к тексту шаблона' }).textContent).toContain('канцелярский оборот «принято к сведению»');
    fireEvent.input(field('Мусор', 'Текст'), { target: { value: '{имя}, контейнеры вывезут сегодня.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить шаблоны' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0]).toEqual({
      edits: [
        { id: 'heat', title: heating.title, topic: 'Отопление', department: '', text: 'Здравствуйте, {имя}! Бригада проверит дом {номер дома}.' },
        { id: 'new-1', title: 'Мусор', topic: 'Вывоз мусора', department: '', text: '{имя}, контейнеры вывезут сегодня.' },
      ],
      removed: [],
    });
    expect(await screen.findByText('Шаблоны сохранены')).toBeTruthy();
  });

  it('a removed template can be taken back until the save', async () => {
    const { onSave } = page('curator', [heating, bus]);
    fireEvent.click(within(template('Автобус')).getByRole('button', { name: 'Удалить шаблон' }));
    expect(screen.getByText(/Шаблон «Автобус» будет удалён при сохранении/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Вернуть' }));
    expect(field('Автобус', 'Текст').value).toBe(bus.text);
    fireEvent.click(within(template('Автобус')).getByRole('button', { name: 'Удалить шаблон' }));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить шаблоны' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ edits: [], removed: ['bus'] }));
  });
});

describe('the library form wired to storage', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, onboarded: true, role: 'curator', userName: 'Анна Куратор' } satisfies Settings,
      [REPLY_TEMPLATES_KEY]: { version: 1, templates: [heating, bus] },
    });
  });

  async function mount() {
    const templates = signal(await loadReplyTemplates());
    const stop = watchReplyTemplates((t) => (templates.value = t));
    function Live() {
      return (
        <TemplatesForm
          templates={templates.value}
          zone="Asia/Omsk"
          onSave={async (change) => {
            const r = await saveReplyTemplates(change, T + 60_000);
            return r.ok ? { ok: true } : r;
          }}
        />
      );
    }
    render(<Live />);
    return { templates, stop };
  }
  const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

  it('a bad edit is refused in Russian: the stored library stays, what was typed stays on screen', async () => {
    const live = await mount();
    fireEvent.input(field('Отопление: проверка', 'Название'), { target: { value: '' } });
    fireEvent.input(field('Отопление: проверка', 'Текст'), { target: { value: 'Здравствуйте, {имя! Проверим.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить шаблоны' }));
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Шаблон 1 (без названия): название: не заполнено',
      'Шаблон 1 (без названия): текст: подстановка «{имя!» не закрыта: нет «}»',
    ]);
    expect(await loadReplyTemplates()).toEqual([heating, bus]);
    expect(field('Отопление: проверка', 'Текст').value).toBe('Здравствуйте, {имя! Проверим.');
    expect(screen.queryByText('Шаблоны сохранены')).toBeNull();
    live.stop();
  });

  it('a good edit is saved, signed, and stays on screen after the store comes back', async () => {
    const live = await mount();
    fireEvent.input(field('Автобус', 'Текст'), { target: { value: '{имя}, маршрут № 5 вернут с понедельника.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить шаблоны' }));
    await waitFor(() => expect(live.templates.value[1]!.text).toBe('{имя}, маршрут № 5 вернут с понедельника.'));
    await settle();
    expect(screen.getByText('Шаблоны сохранены')).toBeTruthy();
    expect(live.templates.value[1]).toMatchObject({ updatedBy: 'Анна Куратор', updatedAt: T + 60_000 });
    expect(live.templates.value[0]).toEqual(heating);
    expect(field('Автобус', 'Текст').value).toBe('{имя}, маршрут № 5 вернут с понедельника.');
    live.stop();
  });

  it('a change made in another tab shows where the curator has not typed', async () => {
    const live = await mount();
    fireEvent.input(field('Автобус', 'Текст'), { target: { value: 'Пишу сейчас {имя}' } });
    await act(async () => {
      await browser.storage.local.set({
        [REPLY_TEMPLATES_KEY]: { version: 1, templates: [{ ...heating, text: 'Из другой вкладки, {имя}.' }, { ...bus, text: 'Тоже оттуда' }] },
      });
    });
    await settle();
    expect(field('Отопление: проверка', 'Текст').value).toBe('Из другой вкладки, {имя}.');
    expect(field('Автобус', 'Текст').value).toBe('Пишу сейчас {имя}');
    live.stop();
  });
});
