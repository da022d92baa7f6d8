/**
 * The library in browser.storage.local, as other small team data is (lib/settings, the allow-list):
 * every open page sees a save at once, and only a checked library is ever written.
 */
import { browser } from 'wxt/browser';
import { signer } from '../workflow/actor';
import { loadSettings } from '../settings/item';
import type { Checked } from '../settings/schema';
import { replyTemplatesFromFile } from './file';
import { writeWithTeamOps } from '../moderation/allowlist';
import { applyTemplateChange, mergeTemplates, templateOps, type TemplateChange } from './library';
import { checkReplyLibrary, readReplyLibrary, replyLibrary, type ReplyTemplate } from './schema';

export const REPLY_TEMPLATES_KEY = 'replyTemplates';

export async function loadReplyTemplates(): Promise<ReplyTemplate[]> {
  return readReplyLibrary((await browser.storage.local.get(REPLY_TEMPLATES_KEY))[REPLY_TEMPLATES_KEY]);
}

/** Calls back with the library whenever any page of the extension (or a restored backup) changes it. */
export function watchReplyTemplates(callback: (templates: ReplyTemplate[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && REPLY_TEMPLATES_KEY in changes) callback(readReplyLibrary(changes[REPLY_TEMPLATES_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Writes a checked library, and in the same write queues what changed for the team server (the
 * curator's library reaches every executor through it; lib/sync/team). A bad library writes nothing.
 */
async function write(before: readonly ReplyTemplate[], templates: ReplyTemplate[]): Promise<Checked<ReplyTemplate[]>> {
  const checked = checkReplyLibrary(replyLibrary(templates));
  if (!checked.ok) return checked;
  const at = Date.now();
  const ops = templateOps(before, templates).map((o) => ({ v: 1, id: crypto.randomUUID(), kind: 'replies', at, ...o }));
  await writeWithTeamOps({ [REPLY_TEMPLATES_KEY]: checked.value }, ops);
  return { ok: true, value: checked.value.templates };
}

/** Saves the curator's edits over the stored library, signed with the user's name; a bad edit writes nothing. */
export async function saveReplyTemplates(change: TemplateChange, now: number): Promise<Checked<ReplyTemplate[]>> {
  const [stored, settings] = await Promise.all([loadReplyTemplates(), loadSettings()]);
  const who = signer(settings).name;
  return write(stored, applyTemplateChange(stored, change, who, now));
}

/** Joins a file's templates to the library (the later edit of a template wins); a bad file changes nothing. */
export async function importReplyTemplates(
  text: string,
): Promise<{ ok: true; added: number; updated: number } | { ok: false; errors: string[] }> {
  const file = replyTemplatesFromFile(text);
  if (!file.ok) return file;
  const stored = await loadReplyTemplates();
  const merged = mergeTemplates(stored, file.templates);
  const written = await write(stored, merged.templates);
  return written.ok ? { ok: true, added: merged.added, updated: merged.updated } : written;
}
