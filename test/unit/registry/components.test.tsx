import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddToRegistryOffer } from '@/components/page/AddToRegistryOffer';
import { RegistryForm } from '@/components/workspace/registry/RegistryForm';
import { RegistryTable } from '@/components/workspace/registry/RegistryTable';
import { entry } from './helpers';

afterEach(cleanup);

const today = '2026-11-28';

describe('RegistryTable', () => {
  const entries = [
    entry({ id: 'dept', name: 'Культура Омска', kind: 'department', department: 'Департамент культуры', url: 'https://vk.com/club2', ownerId: '-2', twoFactorConfirmedAt: '2026-08-29', adminsReviewedAt: null, weeklyTarget: 7 }),
    entry({ id: 'adm', name: '<b>Администрация</b>', twoFactorConfirmedAt: '2026-08-30', adminsReviewedAt: '2026-11-28' }),
  ];

  it('lists pages, administration first, with each protection item’s state', () => {
    const { container } = render(<RegistryTable entries={entries} today={today} onEdit={() => {}} onRemove={() => {}} />);
    const rows = container.querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.getAttribute('data-entry-id'))).toEqual(['adm', 'dept']);
    // text stays text
    expect(within(rows[0] as HTMLElement).getByRole('link').textContent).toBe('<b>Администрация</b>');
    expect(container.querySelector('tbody b')).toBeNull();

    const badge = (row: Element, item: string) => row.querySelector(`[data-check="${item}"]`)!;
    expect(badge(rows[0], 'twoFactor').className).toBe('badge ok');
    expect(badge(rows[0], 'twoFactor').textContent).toBe('подтверждена 30.08.2026 (90 дней назад)');
    expect(badge(rows[0], 'admins').textContent).toBe('проверен 28.11.2026 (сегодня)');
    expect(badge(rows[1], 'twoFactor').className).toBe('badge overdue');
    expect(badge(rows[1], 'twoFactor').textContent).toBe('просрочено: подтверждена 29.08.2026 (91 день назад), нужно не реже раза в 90 дней');
    expect(badge(rows[1], 'admins').className).toBe('badge missing');
    expect(badge(rows[1], 'admins').textContent).toBe('не проверялся');

    expect(screen.getByTestId('registry-problems').textContent).toBe('Требуют внимания: 2 пункта защиты');
    expect(rows[0].querySelector('td.num')!.textContent).toBe('10 (по умолчанию)');
    expect(rows[1].querySelector('td.num')!.textContent).toBe('7');
    expect(screen.getAllByText(/не хранит пароли и коды/)).toHaveLength(1);
  });

  it('edits, and removes only after a second confirmation', () => {
    const onEdit = vi.fn();
    const onRemove = vi.fn();
    render(<RegistryTable entries={entries} today={today} onEdit={onEdit} onRemove={onRemove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Изменить «Культура Омска»' }));
    expect(onEdit).toHaveBeenCalledWith(entries[0]);

    fireEvent.click(screen.getByRole('button', { name: 'Удалить «Культура Омска»' }));
    expect(onRemove).not.toHaveBeenCalled();
    expect(screen.getByText(/Удалить «Культура Омска» из реестра\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByText(/из реестра\?/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Удалить «Культура Омска»' }));
    fireEvent.click(screen.getByRole('button', { name: 'Да, удалить' }));
    expect(onRemove).toHaveBeenCalledWith(entries[0]);
  });

  it('says when the registry is empty', () => {
    render(<RegistryTable entries={[]} today={today} onEdit={() => {}} onRemove={() => {}} />);
    expect(screen.getByText(/Реестр пуст/)).toBeTruthy();
  });
});

describe('RegistryForm', () => {
  const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

  it('saves a valid edit', () => {
    const onSave = vi.fn();
    render(<RegistryForm initial={entry()} mode="edit" today={today} onSave={onSave} />);
    expect(screen.getByRole('heading').textContent).toBe('Изменить запись реестра');
    type('Ответственный', 'Петров П. П.');
    type('Публикаций в неделю', '12');
    fireEvent.submit(screen.getByRole('form'));
    expect(onSave).toHaveBeenCalledWith({ ...entry(), responsible: 'Петров П. П.', weeklyTarget: 12 });
  });

  it('reports a bad edit by its fields and does not save', () => {
    const onSave = vi.fn();
    render(<RegistryForm initial={entry()} mode="edit" today={today} onSave={onSave} />);
    type('Адрес', 'https://evil.example/club1');
    type('Название', '  ');
    type('Двухфакторная аутентификация подтверждена', '2026-12-01');
    type('Публикаций в неделю', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Запись не сохранена: исправьте поля, отмеченные ниже.');
    const error = (field: string) => document.querySelector(`[data-field="${field}"] .field-error`)?.textContent;
    expect(error('url')).toBe('адрес должен вести на vk.com, vk.ru или ok.ru');
    expect(error('name')).toBe('укажите название страницы');
    expect(error('twoFactorConfirmedAt')).toBe('дата не может быть позже сегодняшней');
    expect(error('weeklyTarget')).toBe('публикаций в неделю — целое число больше нуля');
    expect(screen.getByLabelText('Адрес').getAttribute('aria-invalid')).toBe('true');

    // fixing the fields saves
    type('Адрес', 'https://vk.com/club100');
    type('Название', 'Администрация');
    type('Двухфакторная аутентификация подтверждена', '2026-11-27');
    type('Публикаций в неделю', '');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSave).toHaveBeenCalledWith({ ...entry(), name: 'Администрация', twoFactorConfirmedAt: '2026-11-27' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a second entry for a page already in the registry', () => {
    const onSave = vi.fn();
    const existing = entry({ id: 'old', name: 'Старая запись' });
    render(<RegistryForm initial={{ ...entry({ id: 'new', url: 'https://vk.ru/public100' }), ownerId: null }} mode="add" today={today} others={[existing]} onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(document.querySelector('[data-field="url"] .field-error')!.textContent).toBe('эта страница уже есть в реестре: «Старая запись»');
  });

  it('switches site and kind, and requires a department for a department page', () => {
    const onSave = vi.fn();
    render(<RegistryForm initial={entry({ department: '' })} mode="add" today={today} onSave={onSave} />);
    expect(screen.getByRole('heading').textContent).toBe('Добавить в реестр');
    fireEvent.change(screen.getByLabelText('Тип'), { target: { value: 'department' } });
    expect(screen.getByText('Пусто — по умолчанию 5 (п. 10 Порядка)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Сайт'), { target: { value: 'ok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(document.querySelector('[data-field="department"] .field-error')!.textContent).toBe('укажите подразделение, которое ведёт страницу');
    expect(document.querySelector('[data-field="url"] .field-error')!.textContent).toBe('адрес страницы Одноклассников должен вести на ok.ru');
  });

  it('cancels', () => {
    const onCancel = vi.fn();
    render(<RegistryForm initial={entry()} mode="edit" today={today} onSave={() => {}} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('AddToRegistryOffer', () => {
  it('offers to add the page', () => {
    const onAdd = vi.fn();
    render(<AddToRegistryOffer pageName="Департамент культуры" onAdd={onAdd} />);
    expect(screen.getByTestId('registry-offer').textContent).toContain('«Департамент культуры» нет в реестре');
    fireEvent.click(screen.getByRole('button', { name: 'Добавить в реестр' }));
    expect(onAdd).toHaveBeenCalledOnce();
  });
});
