/** «⚙ Настройки» on a page: the page asks, the background opens the options (a page cannot). */
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PagePanel } from '@/components/page/PagePanel';
import { createHandlers } from '@/lib/background/handlers';
import { createPageState } from '@/lib/content/state';
import { openDatabase } from '@/lib/db/schema';
import { validateEnvelope } from '@/lib/protocol';
import { createDispatcher } from '@/lib/protocol/server';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { createWorkClock } from '@/lib/worktime/clock';

describe('opening the options from a page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('the page panel’s ⚙ sends a valid «options/open» request', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: { opened: true } } as never);
    render(<PagePanel state={createPageState()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Настройки' }));
    expect(send).toHaveBeenCalledOnce();
    const envelope = send.mock.calls[0]![0];
    expect(envelope).toEqual({ otklik: 1, type: 'options/open', data: {} });
    expect(validateEnvelope(envelope).ok).toBe(true);
  });

  it('the background answers it by opening the options page', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const dispatch = createDispatcher(
      createHandlers({ db: openDatabase(`open-options-${Math.random()}`), settings: async () => DEFAULT_SETTINGS, clock: async () => createWorkClock() }),
      () => {},
    );
    expect(await dispatch({ otklik: 1, type: 'options/open', data: {} })).toEqual({ ok: true, data: { opened: true } });
    expect(open).toHaveBeenCalledOnce();
  });
});
