import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { onDatabaseReplaced, REPLACED_TEXT, showReplacedNotice } from '@/lib/db/replaced';
import { openDatabase } from '@/lib/db/schema';

describe('a newer version opened in another window', () => {
  it('lets this connection go at once, so the upgrade is not blocked, and says so in words', async () => {
    const name = `replaced-${Math.random()}`;
    const old = openDatabase(name);
    await old.open();
    let told = 0;
    onDatabaseReplaced(old, () => told++);
    const newer = new Dexie(name);
    newer.version(old.verno + 1).stores({ extra: 'id' });
    let blocked = false;
    newer.on('blocked', () => void (blocked = true));
    await newer.open();
    expect(blocked).toBe(false);
    expect(told).toBe(1);
    expect(old.isOpen()).toBe(false);
    newer.close();
  });

  it('shows the notice once, as text, with a way to reopen', () => {
    document.body.innerHTML = '<div id="app"></div>';
    showReplacedNotice();
    showReplacedNotice();
    const notes = document.querySelectorAll('#otklik-db-replaced');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain(REPLACED_TEXT);
    expect(notes[0]!.querySelector('button')!.textContent).toBe('Открыть заново');
  });
});
