/**
 * Another window of Otklik (an updated extension, a new side panel) opens the database at a newer
 * version: this page's connection must let go, or the upgrade waits for it, and from then on every
 * read here would fail with a technical error. So the connection is closed at once and the page
 * says what happened and what to do — nothing is lost, the data is in the database.
 */
import type Dexie from 'dexie';

export const REPLACED_TEXT = 'Отклик обновил базу данных в другом окне. Эта вкладка больше не видит изменений — откройте её заново; все данные сохранены.';

export function onDatabaseReplaced(db: Dexie, tell: () => void): void {
  db.on('versionchange', () => {
    db.close();
    tell();
    // Handled: Dexie does not close it a second time or reopen on the next read.
    return false;
  });
}

/** The notice at the top of an extension page: text only, with a button that reloads the page. */
export function showReplacedNotice(doc: Document = document): void {
  if (doc.getElementById('otklik-db-replaced')) return;
  const box = doc.createElement('div');
  box.id = 'otklik-db-replaced';
  box.setAttribute('role', 'alert');
  box.className = 'error';
  box.style.cssText = 'position:sticky;top:0;z-index:10;padding:8px 12px;background:#fde8e8;color:#9b1c1c;border-bottom:1px solid #f5b5b5';
  box.textContent = `${REPLACED_TEXT} `;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Открыть заново';
  button.addEventListener('click', () => doc.defaultView?.location.reload());
  box.append(button);
  doc.body.prepend(box);
}
