/** Team ops kept in browser.storage.local: the outbox, and the allow-list, lexicon and saved replies they change. */
import { browser } from 'wxt/browser';
import { ALLOWLIST_KEY, readAllowlist, TEAM_OUTBOX_KEY } from '../moderation/allowlist';
import { compileCustomLexicon } from '../rules/custom';
import { LEXICON_KEY } from '../settings/lexicon-read';
import { applyTemplateOps, type TemplateOp } from '../replies/library';
import { checkReplyLibrary, readReplyLibrary, replyLibrary } from '../replies/schema';
import { REPLY_TEMPLATES_KEY } from '../replies/store';
import { applyAllow, type LocalTeamOp, type TeamOp, type TeamStore } from './team';

export function storageTeamStore(onSetAside?: (why: string) => void): TeamStore {
  const outbox = async () => ((await browser.storage.local.get(TEAM_OUTBOX_KEY))[TEAM_OUTBOX_KEY] as LocalTeamOp[] | undefined) ?? [];
  return {
    pending: outbox,
    async settle(ids) {
      if (!ids.length) return;
      const gone = new Set(ids);
      await browser.storage.local.set({ [TEAM_OUTBOX_KEY]: (await outbox()).filter((o) => !gone.has(o.id)) });
    },
    async apply(ops: readonly TeamOp[]) {
      if (!ops.length) return;
      const stored = await browser.storage.local.get([ALLOWLIST_KEY, REPLY_TEMPLATES_KEY]);
      let list = readAllowlist(stored[ALLOWLIST_KEY]);
      const before = list;
      let lexicon: unknown = undefined;
      const templateOps: TemplateOp[] = [];
      for (const op of ops) {
        if (op.kind === 'allow') list = applyAllow(list, op);
        else if (op.kind === 'replies') templateOps.push(op);
        else if (op.kind === 'lexicon') {
          const compiled = compileCustomLexicon(op.source);
          if (compiled.ok) lexicon = compiled.lexicon.source;
          else onSetAside?.(`словарь команды от ${op.by} не принят: ${compiled.errors[0] ?? ''}`);
        }
      }
      const write: Record<string, unknown> = {};
      if (list !== before) write[ALLOWLIST_KEY] = list;
      if (lexicon !== undefined) write[LEXICON_KEY] = lexicon;
      if (templateOps.length) {
        const library = checkReplyLibrary(replyLibrary(applyTemplateOps(readReplyLibrary(stored[REPLY_TEMPLATES_KEY]), templateOps)));
        if (library.ok) write[REPLY_TEMPLATES_KEY] = library.value;
        else onSetAside?.(`шаблоны ответов из общего журнала не приняты: ${library.errors[0] ?? ''}`);
      }
      if (Object.keys(write).length) await browser.storage.local.set(write);
    },
  };
}
