/**
 * The side panel stays open for hours: the settings it shows must follow storage, as
 * entrypoints/sidepanel/main.tsx wires them (watchSettings into a signal the sections read).
 */
import { computed, signal } from '@preact/signals';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessagesSection } from '@/components/workspace/messages/MessagesSection';
import { ROLE_START_TAB, SidePanel, type Section } from '@/components/workspace/SidePanel';
import type { MessageSummary } from '@/lib/messages/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import { loadSettings, watchSettings } from '@/lib/settings/read';
import { saveSettings } from '@/lib/settings/store';

const curator: Settings = { ...DEFAULT_SETTINGS, onboarded: true, role: 'curator', userName: 'Анна Куратор' };
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

async function mount(initial: Settings, rows: MessageSummary[] = []) {
  await saveSettings(initial);
  const settings = signal(await loadSettings());
  const stop = watchSettings((s) => (settings.value = s));
  const current = signal(ROLE_START_TAB[settings.value.role]);
  const sections: Section[] = [
    {
      id: 'messages',
      title: 'Сообщения',
      render: () => (
        <MessagesSection
          rows={signal(rows)}
          apply={(r) => r}
          countdown={() => ''}
          urgency={() => 'none'}
          now={signal(0)}
          selectedId={signal(null)}
          open={computed(() => null)}
          canImport={settings.value.role === 'curator'}
          inspect={() => ({ ok: false, errors: [] }) as never}
          commit={async () => ({ ok: false, errors: [] })}
          card={{} as never}
        />
      ),
    },
    { id: 'quota', title: 'Публикации', render: () => <p>публикации</p> },
    { id: 'moderation', title: 'Журнал модерации', render: () => <p>журнал</p> },
  ];
  render(<SidePanel sections={sections} current={current} settings={settings} />);
  return { settings, current, stop };
}

const selectedTab = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.getAttribute('data-tab');

describe('the side panel follows the settings while open', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('a switch to moderator in the options takes the curator’s import away and opens the moderation log', async () => {
    const panel = await mount(curator);
    expect(selectedTab()).toBe('messages');
    expect(screen.getByText('Импорт сообщений (CSV или JSON)')).toBeTruthy();

    await act(async () => {
      await saveSettings({ ...curator, role: 'moderator' });
    });
    await settle();
    expect(selectedTab()).toBe('moderation');
    fireEvent.click(screen.getByRole('tab', { name: 'Сообщения' }));
    expect(screen.queryByText('Импорт сообщений (CSV или JSON)')).toBeNull();
    expect(screen.getByTestId('queue-empty').textContent).toContain('Импорт доступен куратору');
    panel.stop();
  });

  it('a save that keeps the role leaves the user on the tab they chose', async () => {
    const panel = await mount(curator);
    fireEvent.click(screen.getByRole('tab', { name: 'Публикации' }));
    await act(async () => {
      await saveSettings({ ...curator, department: 'Департамент транспорта' });
    });
    await settle();
    expect(selectedTab()).toBe('quota');
    expect(panel.settings.value.department).toBe('Департамент транспорта');
    panel.stop();
  });

  it('«⚙ Настройки» opens the options page', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const panel = await mount(curator);
    fireEvent.click(screen.getByRole('button', { name: 'Настройки' }));
    expect(open).toHaveBeenCalledOnce();
    panel.stop();
  });

  it('before the first-run step, asks who the user is; the request goes once the step is done elsewhere', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const panel = await mount(DEFAULT_SETTINGS);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Укажите, кто вы');
    fireEvent.click(screen.getByRole('button', { name: 'Указать' }));
    expect(open).toHaveBeenCalledOnce();
    await act(async () => {
      await saveSettings({ ...DEFAULT_SETTINGS, onboarded: true, role: 'owner' });
    });
    await settle();
    expect(screen.queryByText(/Укажите, кто вы/)).toBeNull();
    expect(selectedTab()).toBe('quota');
    panel.stop();
  });
});

describe('an empty queue says what to do next', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('to a curator: register a comment on the page, or import', async () => {
    const panel = await mount(curator);
    const empty = screen.getByTestId('queue-empty').textContent!;
    expect(empty).toContain('Сообщений пока нет.');
    expect(empty).toContain('Наведите курсор на комментарий');
    expect(empty).toContain('«Зарегистрировать сообщение»');
    expect(empty).toContain('«Импорт сообщений»');
    panel.stop();
  });

  it('to an executor, who cannot import: who brings the messages', async () => {
    const panel = await mount({ ...curator, role: 'executor' });
    const empty = screen.getByTestId('queue-empty').textContent!;
    expect(empty).toContain('Импорт доступен куратору');
    expect(empty).not.toContain('Зарегистрировать сообщение');
    panel.stop();
  });
});
