import { signal, type Signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { RegistrySection, type RegistrySectionProps } from '@/components/workspace/registry/RegistrySection';
import { importRegistryFile, listRegistry, saveEntry } from '@/lib/db/registry';
import { openDatabase, type OtklikDB } from '@/lib/db/schema';
import type { RegistryEntry } from '@/lib/registry/entry';
import { chooseFile } from '../choose-file';
import { cp1251 } from '../cp1251';
import { entry } from './helpers';

const adm = entry({ id: 'adm', name: 'Администрация', url: 'https://vk.com/club100', ownerId: '-100', department: '' });
const wall = entry({ id: 'wall', name: 'Спорт', kind: 'department', department: 'Департамент спорта', url: 'https://vk.com/club3', ownerId: '-3' });
const file = (...rows: string[]) => ['Сайт;Адрес;Название;Тип;Подразделение;Ответственный', ...rows].join('\r\n');
const ADM_ROW = 'ВКонтакте;https://vk.com/club100;Администрация;администрация;;Иванова А. П., главный специалист';
const NEW_ROW = 'ВКонтакте;https://vk.com/club5;Культура;подразделение;Департамент культуры;Сидоров';

let db: OtklikDB;
let entries: Signal<RegistryEntry[] | null>;
let onImport: Mock<RegistrySectionProps['onImport']>;

beforeEach(async () => {
  db = openDatabase(`test-${Math.random()}`);
  await saveEntry(db, adm);
  await saveEntry(db, wall);
  entries = signal<RegistryEntry[] | null>(await listRegistry(db));
  onImport = vi.fn<RegistrySectionProps['onImport']>(async (text, format, request) => {
    const r = await importRegistryFile(db, text, format, request);
    entries.value = await listRegistry(db);
    return r;
  });
  render(
    <RegistrySection
      entries={entries}
      today="2026-11-28"
      draft={signal(null)}
      newEntry={() => entry({ id: 'draft' })}
      onSave={async () => ({ ok: true })}
      onRemove={() => {}}
      onImport={onImport}
      onExport={() => {}}
    />,
  );
});
afterEach(async () => {
  await db.delete();
});

const input = () => document.querySelector<HTMLInputElement>('input[name="registry-import"]')!;
const result = () => screen.getByTestId('registry-import-result');
const names = async () => (await listRegistry(db)).map((e) => e.name).sort();

describe('RegistrySection: import', () => {
  it('merges by default, and says what it added, changed, kept and removed, and how it read the file', async () => {
    expect((screen.getByLabelText(/^Объединить/) as HTMLInputElement).checked).toBe(true);
    chooseFile(input(), cp1251(file(ADM_ROW, NEW_ROW)), 'реестр.csv');
    await waitFor(() => expect(result()).toBeTruthy());
    expect([...result().querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Файл «реестр.csv» загружен: объединён с реестром.',
      'Кодировка: Windows-1251, разделитель: точка с запятой',
      'Добавлено: 1 страница («Культура»)',
      'Изменено: 0 страниц',
      'Без изменений: 1 страница',
      'Оставлено (нет в файле): 1 страница («Спорт»)',
      'Удалено: 0 страниц',
    ]);
    expect(await names()).toEqual(['Администрация', 'Культура', 'Спорт']);
    expect(onImport).toHaveBeenCalledWith(expect.stringContaining('Сайт;Адрес'), 'csv', { mode: 'merge' });
  });

  it('«Заменить» first shows which pages will go, and removes nothing on «Отмена»', async () => {
    fireEvent.click(screen.getByLabelText(/^Заменить/));
    chooseFile(input(), file(ADM_ROW), 'реестр.csv');
    const confirm = await screen.findByTestId('registry-replace-confirm');
    expect(confirm.textContent).toContain('Заменить реестр файлом «реестр.csv»? Будет удалена 1 страница, которой нет в файле:');
    expect([...within(confirm).getByTestId('registry-replace-removed').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['«Спорт» — https://vk.com/club3']);
    expect(await names()).toEqual(['Администрация', 'Спорт']);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByTestId('registry-replace-confirm')).toBeNull();
    expect(await names()).toEqual(['Администрация', 'Спорт']);
  });

  it('«Заменить» removes the pages once confirmed, and says so', async () => {
    fireEvent.click(screen.getByLabelText(/^Заменить/));
    chooseFile(input(), file(ADM_ROW, NEW_ROW), 'реестр.csv');
    const confirm = await screen.findByTestId('registry-replace-confirm');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Да, заменить и удалить 1 страницу' }));
    await waitFor(() => expect(result().textContent).toContain('реестр заменён'));
    expect(onImport).toHaveBeenLastCalledWith(expect.any(String), 'csv', { mode: 'replace', confirmedRemovals: ['wall'] });
    expect([...result().querySelectorAll('li')].map((li) => li.textContent).slice(2)).toEqual([
      'Добавлено: 1 страница («Культура»)',
      'Изменено: 0 страниц',
      'Без изменений: 1 страница',
      'Оставлено (нет в файле): 0 страниц',
      'Удалено: 1 страница («Спорт»)',
    ]);
    expect(await names()).toEqual(['Администрация', 'Культура']);
  });

  it('a bad file changes nothing and says why', async () => {
    chooseFile(input(), cp1251('Сайт;Адрес;Пароль\r\nвк;https://vk.com/club9;123\r\n'), 'плохой.csv');
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Файл «плохой.csv» не загружен, реестр не изменён (кодировка: Windows-1251):',
      'неизвестный столбец «Пароль» (столбец 3)',
      'нет столбца «Название»',
      'нет столбца «Тип»',
      'нет столбца «Ответственный»',
    ]);
    expect(await names()).toEqual(['Администрация', 'Спорт']);
  });
});
