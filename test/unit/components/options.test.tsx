import { signal } from '@preact/signals';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/options/OptionsPage';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { EMPTY_LEXICON } from '@/lib/settings/lexicon-read';

function setup(overrides: Partial<Parameters<typeof OptionsPage>[0]> = {}) {
  const props = {
    settings: signal({ ...DEFAULT_SETTINGS, onboarded: true }),
    lexicon: signal(EMPTY_LEXICON),
    allowlist: signal({ comments: ['vk:-1_2'], words: ['клоун'] }),
    onSaveSettings: vi.fn(async () => ({ ok: true as const })),
    onSaveLexicon: vi.fn(async () => ({ ok: true as const })),
    onImport: vi.fn(async () => ({ ok: true as const })),
    onExport: vi.fn(),
    onForget: vi.fn(),
    ...overrides,
  };
  render(<OptionsPage {...props} />);
  return props;
}

describe('the options page', () => {
  it('saves the role, name and switched-off categories', async () => {
    const props = setup();
    fireEvent.change(screen.getByLabelText('Роль'), { target: { value: 'curator' } });
    fireEvent.input(screen.getByLabelText('Имя'), { target: { value: 'Анна' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Спам' }));
    fireEvent.click(screen.getByText('Сохранить'));
    await waitFor(() => expect(props.onSaveSettings).toHaveBeenCalled());
    expect((props.onSaveSettings as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toMatchObject({
      role: 'curator',
      userName: 'Анна',
      moderation: { categories: { spam: false, obscenity: true } },
    });
    await screen.findByText('Сохранено');
  });

  it('shows why a bad edit was refused', async () => {
    setup({ onSaveSettings: vi.fn(async () => ({ ok: false as const, errors: ['часовой пояс: неизвестный часовой пояс'] })) });
    fireEvent.input(screen.getByLabelText('Часовой пояс'), { target: { value: 'Марс' } });
    fireEvent.click(screen.getByText('Сохранить'));
    expect((await screen.findByRole('alert')).textContent).toBe('часовой пояс: неизвестный часовой пояс');
  });

  it('sends the lexicon as lists, one word a line', async () => {
    const props = setup();
    fireEvent.input(screen.getByRole('textbox', { name: 'Оскорбление' }), { target: { value: 'бездарь*\n\n  чинуша ' } });
    fireEvent.input(screen.getByLabelText('Исключения (не считать нарушением)'), { target: { value: 'козел' } });
    fireEvent.click(screen.getByText('Сохранить словарь'));
    await waitFor(() => expect(props.onSaveLexicon).toHaveBeenCalledWith({ words: { insult: ['бездарь*', 'чинуша'] }, allow: ['козел'], allowDomains: [] }));
  });

  it('lists «не нарушение» decisions and takes one back', () => {
    const props = setup();
    expect(screen.getByTestId('allowlist').textContent).toContain('слово «клоун» везде');
    fireEvent.click(screen.getByText('вернуть отметки'));
    expect(props.onForget).toHaveBeenCalledWith('words', 'клоун');
  });
});
