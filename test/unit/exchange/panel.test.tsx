import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ExchangePanel } from '@/components/workspace/messages/ExchangePanel';
import type { ImportResult } from '@/lib/exchange/types';
import { utf16 } from '../cp1251';

function choose(input: HTMLElement, text: string) {
  Object.defineProperty(input, 'files', { value: [new File([text], 'x.json')], configurable: true });
  fireEvent.change(input);
}

describe('ExchangePanel', () => {
  it('the curator picks a unit and exports; an import shows counts and the conflicts', async () => {
    const onExportDepartment = vi.fn();
    const result: ImportResult = { ok: true, added: 0, updated: 2, unchanged: 1, conflicts: [{ id: 'M5', ours: [], theirs: [], merged: false }] };
    const onImport = vi.fn(async () => result);
    const onOpen = vi.fn();
    render(
      <ExchangePanel
        role="curator"
        departments={['Департамент транспорта', 'Департамент городского хозяйства']}
        onExportDepartment={onExportDepartment}
        onExportDrafts={() => {}}
        onImport={onImport}
        labelOf={(id) => `Сообщение ${id}`}
        onOpen={onOpen}
      />,
    );
    fireEvent.change(screen.getByLabelText('Подразделение'), { target: { value: 'Департамент городского хозяйства' } });
    fireEvent.click(screen.getByRole('button', { name: 'Выгрузить для подразделения' }));
    expect(onExportDepartment).toHaveBeenCalledWith('Департамент городского хозяйства');
    choose(screen.getByTestId('exchange-file'), '{}');
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{}'));
    expect((await screen.findByTestId('exchange-result')).textContent).toContain('Новых: 0, обновлено: 2, без изменений: 1, конфликтов: 1.');
    fireEvent.click(screen.getByRole('button', { name: 'Сообщение M5' }));
    expect(onOpen).toHaveBeenCalledWith('M5');
  });

  it('an executor exports for the curator; refusals are listed', async () => {
    const onExportDrafts = vi.fn();
    render(
      <ExchangePanel
        role="executor"
        departments={[]}
        onExportDepartment={() => {}}
        onExportDrafts={onExportDrafts}
        onImport={async () => ({ ok: false, errors: ['Это не файл обмена Отклика.'] })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Выгрузить для Куратора' }));
    expect(onExportDrafts).toHaveBeenCalledOnce();
    choose(screen.getByTestId('exchange-file'), 'x');
    expect((await screen.findByTestId('exchange-errors')).textContent).toBe('Это не файл обмена Отклика.');
  });

  it('reads a file another program saved as UTF-16 (with its byte-order mark) as text', async () => {
    const onImport = vi.fn(async (): Promise<ImportResult> => ({ ok: true, added: 0, updated: 0, unchanged: 0, conflicts: [] }));
    render(<ExchangePanel role="curator" departments={[]} onExportDepartment={() => {}} onExportDrafts={() => {}} onImport={onImport} labelOf={(id) => id} onOpen={() => {}} />);
    const input = screen.getByTestId('exchange-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([utf16('{"kind":"обмен"}', 'le')], 'x.json')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{"kind":"обмен"}'));
  });
});
