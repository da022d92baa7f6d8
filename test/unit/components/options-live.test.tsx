/**
 * The options page wired to storage as entrypoints/options/main.tsx wires it: every save comes back
 * through storage.onChanged, as it does in the browser.
 */
import { signal, useSignal } from '@preact/signals';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { WorktimeForm } from '@/components/options/WorktimeForm';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { saveLexicon } from '@/lib/settings/lexicon';
import { EMPTY_LEXICON, loadLexiconSource, watchLexicon } from '@/lib/settings/lexicon-read';
import { loadSettings, watchSettings } from '@/lib/settings/read';
import { saveSettings } from '@/lib/settings/store';
import { loadWorktime, saveWorktime, watchWorktime } from '@/lib/settings/worktime';

const onboarded: Settings = { ...DEFAULT_SETTINGS, onboarded: true };

async function mount(initial: Settings = onboarded, backup?: preact.ComponentChildren) {
  await browser.storage.local.set({ settings: initial });
  const settings = signal(await loadSettings());
  const lexicon = signal(await loadLexiconSource());
  const worktime = signal(await loadWorktime());
  const stops = [watchSettings((s) => (settings.value = s)), watchLexicon((l) => (lexicon.value = l)), watchWorktime((w) => (worktime.value = w))];
  const onSaveSettings = vi.fn(async (s: Settings) => {
    const r = await saveSettings(s);
    return r.ok ? ({ ok: true } as const) : r;
  });
  function Worktime() {
    return <WorktimeForm worktime={worktime.value} years={[2025]} onSave={saveWorktime} onAddYear={async () => ({ ok: true, year: 2025 })} />;
  }
  render(
    <OptionsPage
      settings={settings}
      lexicon={lexicon}
      allowlist={signal({ comments: [], words: [] })}
      onSaveSettings={onSaveSettings}
      onSaveLexicon={saveLexicon}
      onImport={async () => ({ ok: true })}
      onExport={() => {}}
      onForget={() => {}}
      backup={backup}
    >
      <Worktime />
    </OptionsPage>,
  );
  return { settings, lexicon, worktime, onSaveSettings, stop: () => stops.forEach((s) => s()) };
}

/** Lets storage.onChanged reach the watchers and the page re-render. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('saving the options', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says «Сохранено» and keeps what was typed after the stored settings come back', async () => {
    const page = await mount();
    fireEvent.input(screen.getByLabelText('Имя'), { target: { value: 'Анна Куратор' } });
    fireEvent.change(screen.getByLabelText('Роль'), { target: { value: 'curator' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(page.settings.value.userName).toBe('Анна Куратор'));
    await settle();
    expect(screen.getByText('Сохранено')).toBeTruthy();
    expect((screen.getByLabelText('Имя') as HTMLInputElement).value).toBe('Анна Куратор');
    expect((screen.getByLabelText('Роль') as HTMLSelectElement).value).toBe('curator');
    page.stop();
  });

  it('an edit after the save takes «Сохранено» away', async () => {
    const page = await mount();
    fireEvent.input(screen.getByLabelText('Имя'), { target: { value: 'Анна' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    await screen.findByText('Сохранено');
    await settle();
    fireEvent.input(screen.getByLabelText('Имя'), { target: { value: 'Анна К.' } });
    expect(screen.queryByText('Сохранено')).toBeNull();
    page.stop();
  });

  it('keeps the stored settings on a bad edit, says why in Russian and keeps what was typed', async () => {
    const page = await mount({ ...onboarded, userName: 'Анна' });
    fireEvent.input(screen.getByLabelText('Часовой пояс'), { target: { value: 'Asia/Nowhere' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect((await screen.findByRole('alert')).textContent).toBe('часовой пояс: неизвестный часовой пояс');
    expect((await loadSettings()).timeZone).toBe('Asia/Omsk');
    expect((screen.getByLabelText('Часовой пояс') as HTMLInputElement).value).toBe('Asia/Nowhere');
    page.stop();
  });

  it('a change made in another tab shows in a form the user has not touched', async () => {
    const page = await mount();
    await act(async () => {
      await saveSettings({ ...onboarded, userName: 'Из другой вкладки', department: 'Департамент транспорта' });
    });
    await settle();
    expect((screen.getByLabelText('Имя') as HTMLInputElement).value).toBe('Из другой вкладки');
    expect((screen.getByLabelText('Подразделение') as HTMLInputElement).value).toBe('Департамент транспорта');
    page.stop();
  });

  it('a change made elsewhere does not overwrite a field being typed, and fills the others', async () => {
    const page = await mount();
    fireEvent.input(screen.getByLabelText('Имя'), { target: { value: 'Пишу сейчас' } });
    await act(async () => {
      await saveSettings({ ...onboarded, userName: 'Из другой вкладки', department: 'Департамент транспорта' });
    });
    await settle();
    expect((screen.getByLabelText('Имя') as HTMLInputElement).value).toBe('Пишу сейчас');
    expect((screen.getByLabelText('Подразделение') as HTMLInputElement).value).toBe('Департамент транспорта');
    page.stop();
  });

  it('the lexicon says «Словарь сохранён» and keeps its lists after the save comes back', async () => {
    const page = await mount();
    fireEvent.input(screen.getByLabelText('Исключения (не считать нарушением)'), { target: { value: 'козел' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить словарь' }));
    await waitFor(() => expect(page.lexicon.value).not.toEqual(EMPTY_LEXICON));
    await settle();
    expect(screen.getByText('Словарь сохранён')).toBeTruthy();
    expect((screen.getByLabelText('Исключения (не считать нарушением)') as HTMLTextAreaElement).value).toBe('козел');
    page.stop();
  });

  it('working hours say «Рабочее время сохранено» after the save comes back', async () => {
    const page = await mount();
    fireEvent.input(screen.getByLabelText('Пятница: конец'), { target: { value: '16:45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить рабочее время' }));
    await waitFor(() => expect(page.worktime.value.week.fri?.end).toBe('16:45'));
    await settle();
    expect(screen.getByText('Рабочее время сохранено')).toBeTruthy();
    expect((screen.getByLabelText('Пятница: конец') as HTMLInputElement).value).toBe('16:45');
    page.stop();
  });

  it('working hours changed elsewhere (a restored backup) show in an untouched form', async () => {
    const page = await mount();
    await act(async () => {
      await saveWorktime({ lunch: { start: '12:00', end: '12:45' } });
    });
    await settle();
    expect((screen.getByLabelText('Обед: начало') as HTMLInputElement).value).toBe('12:00');
    page.stop();
  });
});

describe('the first run: «Кто вы?»', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is what a new install opens on; the full options wait behind it', async () => {
    const page = await mount(DEFAULT_SETTINGS);
    expect(screen.getByRole('form', { name: 'Кто вы?' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Общие настройки' })).toBeNull();
    expect((screen.getByLabelText('Часовой пояс') as HTMLInputElement).value).toBe('Asia/Omsk');
    page.stop();
  });

  it('asks for a role rather than assuming one', async () => {
    const page = await mount(DEFAULT_SETTINGS);
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить и начать' }));
    expect((await screen.findByRole('alert')).textContent).toContain('выберите');
    expect(page.onSaveSettings).not.toHaveBeenCalled();
    page.stop();
  });

  it('stores role, name, department and zone in one step, then shows the full options', async () => {
    const page = await mount(DEFAULT_SETTINGS);
    fireEvent.click(screen.getByRole('radio', { name: /Куратор/ }));
    fireEvent.input(screen.getByLabelText('Имя'), { target: { value: 'Анна Куратор' } });
    fireEvent.input(screen.getByLabelText('Подразделение'), { target: { value: 'Отдел по связям с общественностью' } });
    fireEvent.input(screen.getByLabelText('Часовой пояс'), { target: { value: 'Asia/Novosibirsk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить и начать' }));
    await screen.findByRole('form', { name: 'Общие настройки' });
    expect(await loadSettings()).toMatchObject({
      onboarded: true,
      role: 'curator',
      userName: 'Анна Куратор',
      department: 'Отдел по связям с общественностью',
      timeZone: 'Asia/Novosibirsk',
    });
    expect((await screen.findByTestId('welcome-done')).textContent).toContain('куратор');
    await settle();
    expect((screen.getByLabelText('Роль') as HTMLSelectElement).value).toBe('curator');
    expect((screen.getByLabelText('Имя') as HTMLInputElement).value).toBe('Анна Куратор');
    page.stop();
  });

  it('stays on the step with the reason when the zone is unknown', async () => {
    const page = await mount(DEFAULT_SETTINGS);
    fireEvent.click(screen.getByRole('radio', { name: /Исполнитель/ }));
    fireEvent.input(screen.getByLabelText('Часовой пояс'), { target: { value: 'Омск' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить и начать' }));
    expect((await screen.findByRole('alert')).textContent).toBe('часовой пояс: неизвестный часовой пояс');
    expect(screen.getByRole('form', { name: 'Кто вы?' })).toBeTruthy();
    expect((await loadSettings()).onboarded).toBe(false);
    page.stop();
  });

  it('is not shown to a user who has done it', async () => {
    const page = await mount();
    expect(screen.queryByRole('form', { name: 'Кто вы?' })).toBeNull();
    expect(screen.getByRole('form', { name: 'Общие настройки' })).toBeTruthy();
    page.stop();
  });

  it('offers the backup on the first run; a restore that ends it keeps the backup’s report on screen', async () => {
    // Stands for the backup panel: its report is state of its own.
    function Backup() {
      const result = useSignal('');
      return (
        <section aria-label="Резервная копия">
          <button type="button" onClick={() => (result.value = 'Восстановлено')}>
            Восстановить
          </button>
          <p data-testid="backup-result">{result}</p>
        </section>
      );
    }
    const page = await mount(DEFAULT_SETTINGS, <Backup />);
    expect(screen.getByRole('form', { name: 'Кто вы?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Восстановить' }));
    await act(async () => {
      await saveSettings({ ...DEFAULT_SETTINGS, onboarded: true, role: 'curator' });
    });
    await settle();
    expect(screen.getByRole('form', { name: 'Общие настройки' })).toBeTruthy();
    expect(screen.getByTestId('backup-result').textContent).toBe('Восстановлено');
    page.stop();
  });
});
