import { signal } from '@preact/signals';
import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/options/OptionsPage';
import { TeamForm } from '@/components/options/TeamForm';
import { WorktimeForm } from '@/components/options/WorktimeForm';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { EMPTY_LEXICON } from '@/lib/settings/lexicon-read';
import type { Managed } from '@/lib/settings/managed';
import { DEFAULT_WORKTIME_SETTINGS } from '@/lib/worktime/schedule';

function page(managed: Managed, onboarded = true) {
  render(
    <OptionsPage
      settings={signal({ ...DEFAULT_SETTINGS, onboarded, role: managed.role ?? 'moderator', department: managed.department ?? '' })}
      managed={signal(managed)}
      lexicon={signal({ ...EMPTY_LEXICON, allowDomains: ['mine.ru'] })}
      allowlist={signal({ comments: [], words: [] })}
      onSaveSettings={vi.fn(async () => ({ ok: true as const }))}
      onSaveLexicon={vi.fn(async () => ({ ok: true as const }))}
      onImport={vi.fn(async () => ({ ok: true as const }))}
      onExport={vi.fn()}
      onForget={vi.fn()}
    />,
  );
}

describe('values set by the organisation on the options page', () => {
  it('marks them and does not let them be edited; the rest stays editable', () => {
    page({ role: 'executor', department: 'Департамент транспорта', officialDomains: ['omsktransport.ru'] });
    expect((screen.getByLabelText(/Роль/) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText(/Подразделение/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/Часовой пояс/) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByLabelText('Имя') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByText('Задано организацией')).toHaveLength(3);
    expect(screen.getByTestId('official-domains').textContent).toContain('omsktransport.ru');
    expect((screen.getByLabelText(/Другие разрешённые сайты/) as HTMLTextAreaElement).value).toBe('mine.ru');
  });

  it('answers «Кто вы?» with the organisation\'s role on the first run', () => {
    page({ role: 'curator' }, false);
    const curator = screen.getByRole('radio', { name: /Куратор/ }) as HTMLInputElement;
    expect(curator.checked).toBe(true);
    // A disabled fieldset disables what is inside (happy-dom does not say so on the input itself).
    expect(curator.closest('fieldset')!.disabled).toBe(true);
  });

  it('shows the schedule without a way to save it, and the team server without its fields', () => {
    render(<WorktimeForm worktime={DEFAULT_WORKTIME_SETTINGS} years={[2026]} locked onSave={vi.fn()} onAddYear={vi.fn()} />);
    expect((screen.getByLabelText('Понедельник: начало') as HTMLInputElement).closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByText('Сохранить рабочее время')).toBeNull();
    render(<TeamForm server={null} status={null} zone="Asia/Omsk" managed={{ url: 'wss://sync.admomsk.ru:8443', login: 'ivanova' }} onConnect={vi.fn()} onForget={vi.fn()} />);
    expect((screen.getByLabelText(/Адрес сервера/) as HTMLInputElement).value).toBe('wss://sync.admomsk.ru:8443');
    expect((screen.getByLabelText(/Адрес сервера/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/Логин/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText(/Пароль/) as HTMLInputElement).disabled).toBe(false);
  });
});
