/** Starts Otklik on a VK or OK page: the runtime, its features, and the page's panel. */
import { computed, signal } from '@preact/signals-core';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ModerationSection } from '@/components/page/ModerationSection';
import { PagePanel } from '@/components/page/PagePanel';
import { PageQuota } from '@/components/page/PageQuota';
import panelCss from '@/components/page/panel.css?inline';
import { request } from '../protocol/client';
import { portClient } from '../protocol/port';
import { loadAllowlist, watchAllowlist } from '../moderation/allowlist';
// The classifier without its word lists: those come from storage, not in this bundle.
import { buildCustomLexicon, classify, prepareClassifier, type CustomLexiconData } from '../rules/core';
import { loadBuiltinLexicons, loadLexiconSource, watchBuiltinLexicons, watchLexicon } from '../settings/lexicon-read';
import { loadSettings, watchSettings } from '../settings/read';
import { checkPage, developerReport } from '../sites/check';
import { pageKeyOf, type SiteAdapter } from '../sites/types';
import { LOCAL_ZONE } from '../sites/zone';
import { messages } from './features/messages';
import { reportFlagged } from './features/mod-queue';
import { moderation, type Classify } from './features/moderation';
import { quota } from './features/quota';
import { storeFeature } from './features/store';
import pageCss from './page.css?inline';
import { mountShadowPanel } from './panel';
import { startRuntime, UI_ATTR, type Feature } from './runtime';
import { copyText } from './insert';
import { createPageState } from './state';

export const PANEL_TAG = 'otklik-panel';

/** Messages the background sends to a tab (keyboard commands). */
export type TabCommand = { otklik: 'jump'; direction: 1 | -1 };

export async function runContent(adapter: SiteAdapter, ctx: ContentScriptContext) {
  const state = createPageState();
  // The word lists compile as soon as they are read, while the rest of storage answers and the page downloads.
  const stored = Promise.all([loadSettings(), loadAllowlist(), loadLexiconSource(), loadBuiltinLexicons().then(prepareClassifier)]);
  const [storedSettings, storedAllowlist, storedLexicon] = await stored;
  ctx.onInvalidated(watchBuiltinLexicons(prepareClassifier));
  const settings = signal(storedSettings);
  const allowlist = signal(storedAllowlist);
  const lexicon = signal(storedLexicon);
  ctx.onInvalidated(watchSettings((s) => (settings.value = s)));
  ctx.onInvalidated(watchAllowlist((a) => (allowlist.value = a)));
  ctx.onInvalidated(watchLexicon((l) => (lexicon.value = l)));
  // The team's words: validated when saved, compiled here; a list that will not build is ignored.
  const classifier = computed(() => {
    const built = buildCustomLexicon(lexicon.value as CustomLexiconData);
    const custom = built.ok ? built.lexicon : undefined;
    return (text: string, context?: Parameters<Classify>[1]) => classify(text, { custom, ...context });
  });

  // What must survive the tab closing at once goes over one open port (lib/protocol/port).
  const port = portClient();
  const store = storeFeature(
    // A wall also says whether it shows its description, cover and avatar (App. 2 §12).
    (batch) => port.request('page/seen', batch.page.kind === 'wall' && adapter.pageLooks ? { ...batch, page: { ...batch.page, looks: adapter.pageLooks(document) } } : batch),
    (reason) => (state.storeError.value = reason),
  );
  const pageQuota = quota({
    status: (page, visit) => request('page/status', { page, ...visit }),
    draft: (page) => request('registry/draft', { page }),
    stored: () => store.flushed(),
  });

  const mod = moderation({
    adapter,
    doc: document,
    classify: classifier,
    settings,
    allowlist,
    enabledOn: (page) =>
      settings.value.moderation.scope === 'everywhere' ||
      settings.value.moderation.moderatedPages.includes(pageKeyOf(page)) ||
      pageQuota.model.status.value?.registered === true,
    report: {
      deleted: (evidence, how) => port.request('moderation/deleted', { evidence, how }),
      notViolation: (evidence, scope, words) => request('moderation/not-violation', { evidence, scope, words }),
    },
    signal: ctx.signal,
  });

  // The moderators' queue across pages: the flagged comments reach the side panel through the background.
  reportFlagged({
    flagged: mod.model.flagged,
    evidence: mod.model.evidence,
    send: (report) => request('moderation/flagged', report),
    later: (fn) => ctx.setTimeout(fn, 1000),
    signal: ctx.signal,
  });

  const msgs = messages({
    adapter,
    doc: document,
    role: computed(() => settings.value.role),
    forComments: async (keys) => (await request('messages/for-comments', { keys })).items,
    register: (r) => request('messages/register', r),
    published: (r) => request('messages/published', r),
    now: Date.now,
    signal: ctx.signal,
  });

  /**
   * The panel goes in when the first scan is done, in a task of its own right after the badges'
   * one: the page is laid out once for both.
   */
  let uiShown = false;
  const showUi: Feature = {
    name: 'ui',
    // The panel goes in after the badges: one layout for both.
    after: ['moderation', 'messages'],
    onIdle() {
      if (uiShown) return;
      uiShown = true;
      ctx.setTimeout(mountPanel, 0);
    },
  };

  // What the content script does on a page; each feature says what it runs after (orderFeatures).
  const features: Feature[] = [mod.feature, store, pageQuota.feature, msgs.feature, showUi];

  // The script starts with the document (document_start): it loads and compiles while the page
  // downloads, and reads the page once the parser is done with it.
  await parsed(document);
  if (ctx.isInvalid) return;
  // The stylesheet goes in before the first badge: its rules name only our own classes, so now it
  // costs one quick restyle and no relayout, while added after the badges it would lay the whole
  // page out again.
  const style = document.createElement('style');
  style.setAttribute(UI_ATTR, '');
  style.textContent = pageCss;
  (document.head ?? document.documentElement).append(style);
  ctx.onInvalidated(() => style.remove());
  const runtime = startRuntime({ adapter, doc: document, state, features, signal: ctx.signal });
  ctx.addEventListener(window, 'wxt:locationchange', () => runtime.navigate());
  // The tab closes or the user goes elsewhere: what was seen and not yet stored goes now.
  ctx.addEventListener(window, 'pagehide', () => store.leaving());

  const onCommand = (message: unknown) => {
    const m = message as TabCommand | undefined;
    if (m?.otklik === 'jump') mod.model.jump(m.direction);
  };
  browser.runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));

  const moderateHere = () => {
    const page = state.page.value;
    if (page) void request('settings/moderate-page', { pageKey: pageKeyOf(page) });
  };

  // The panel folds to a pill when the user folds it (remembered for every page), and for a moment
  // while the user types in a field it would cover — the reply box Otklik has just filled.
  const collapsed = signal(false);
  void browser.storage.local.get(PANEL_COLLAPSED_KEY).then((v) => (collapsed.value = v[PANEL_COLLAPSED_KEY] === true));
  let lastCollapsed = false;
  collapsed.subscribe((v) => {
    if (v === lastCollapsed) return;
    lastCollapsed = v;
    void browser.storage.local.set({ [PANEL_COLLAPSED_KEY]: v });
  });
  const yielding = signal(false);
  let host: HTMLElement | null = null;
  ctx.addEventListener(document, 'focusin', (e) => {
    const field = e.target as HTMLElement | null;
    if (!host || !field || field.closest?.(`[${UI_ATTR}]`) || !isTypingField(field)) return;
    yielding.value = overlaps(field.getBoundingClientRect(), host.getBoundingClientRect(), 24);
  });
  ctx.addEventListener(document, 'focusout', () => (yielding.value = false));
  const pill = computed(() => {
    const parts: string[] = [];
    const flagged = mod.model.flagged.value.length;
    if (flagged) parts.push(`нарушений: ${flagged}`);
    if (msgs.model.count.value) parts.push(`сообщений: ${msgs.model.count.value}`);
    return parts.join(' · ');
  });
  const registerInView = computed(() => (settings.value.role === 'curator' ? msgs.model.registerInView : undefined));

  // «Проверить страницу»: read the page afresh, as the runtime does, with the page's own clock and zone.
  const readCtx = () => ({ url: location.href, now: Date.now(), timeZone: LOCAL_ZONE });
  const pageCheck = {
    run: () => checkPage(adapter, document, readCtx()),
    report: () => developerReport(adapter, document, readCtx(), { version: browser.runtime.getManifest().version }),
    copy: (text: string) => copyText(document, text),
  };

  const mountPanel = () => (host = mountShadowPanel(
    ctx,
    PANEL_TAG,
    panelCss,
    (container) =>
      render(
        <PagePanel state={state} collapsed={collapsed} yielding={yielding} pill={pill} onRegisterInView={registerInView} pageCheck={pageCheck}>
          <PageQuota model={pageQuota.model} page={state.page} now={Date.now} />
          <ModerationSection model={mod.model} timeZone={settings.value.timeZone} onModerateHere={moderateHere} />
        </PagePanel>,
        container,
      ),
    (container) => render(null, container),
  ));
}

const PANEL_COLLAPSED_KEY = 'panelCollapsed';

function isTypingField(el: HTMLElement): boolean {
  return el.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && /^(text|search|)$/.test((el as HTMLInputElement).type));
}

/** Whether two rectangles come within `margin` px of each other. */
function overlaps(a: DOMRect, b: DOMRect, margin: number): boolean {
  return a.left < b.right + margin && a.right > b.left - margin && a.top < b.bottom + margin && a.bottom > b.top - margin;
}

/**
 * Resolves in a task of its own once the document is parsed: work during parsing would hold the
 * parser up, and work inside the DOMContentLoaded event would hold up the page's own handlers.
 */
function parsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => setTimeout(resolve, 0), { once: true }));
}
