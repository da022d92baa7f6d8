import { signal, type Signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLAGS_ATTR, moderation, type Classify } from '@/lib/content/features/moderation';
import { startRuntime } from '@/lib/content/runtime';
import { createPageState } from '@/lib/content/state';
import { EMPTY_ALLOWLIST, type Allowlist } from '@/lib/moderation/allowlist';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/defaults';
import type { SiteAdapter } from '@/lib/sites/types';

/** A toy site: `.c[data-id]` comments with `.t` text; `.deleted[data-id]` is the site's placeholder. */
const adapter: SiteAdapter = {
  site: 'vk',
  matches: () => true,
  pageInfo: (_doc, ctx) => ({ site: 'vk', url: ctx.url, kind: 'post', ownerId: '-1', name: 'Администрация' }),
  commentElements: (root) => [...((root as Element).matches?.('.c, .deleted') ? [root as Element] : []), ...root.querySelectorAll('.c, .deleted')],
  parseComment: (el) =>
    el.classList.contains('deleted')
      ? null
      : {
          site: 'vk',
          id: el.getAttribute('data-id')!,
          postId: '-1_1',
          parentId: null,
          authorId: '5',
          authorName: 'Сергей',
          authorUrl: 'https://vk.com/id5',
          text: el.querySelector('.t')!.textContent!,
          publishedAt: 0,
          permalink: `https://vk.com/wall-1_1?reply=${el.getAttribute('data-id')!.split('_')[1]}`,
          own: el.hasAttribute('data-own'),
        },
  postElements: () => [],
  parsePost: () => null,
  expectsComments: () => false,
  isDeletedPlaceholder: (el) => el.classList.contains('deleted') || el.querySelector('.deleted-text') !== null,
  deletedCommentId: (el) => el.getAttribute('data-id'),
  commentTextElement: (el) => el.querySelector('.t'),
};

/** Flags the word «плохо» as an insult and «спам» as spam, with offsets in the text; «бюрократ» as the team's own word. */
const classify: Classify = (text) => {
  const findings = [...text.matchAll(/плохо|спам|бюрократ/g)].map((m) => ({
    ...(m[0] === 'бюрократ' ? { team: true as const } : {}),
    category: m[0] === 'спам' ? ('spam' as const) : ('insult' as const),
    clause: 'п. 15 прил. 2',
    start: m.index!,
    end: m.index! + m[0].length,
    match: m[0],
    normalized: m[0],
    confidence: 0.9,
  }));
  return { verdict: findings.length ? 'delete' : 'ok', findings };
};

function comment(id: string, text: string, own = false) {
  return `<div class="c" data-id="${id}"${own ? ' data-own' : ''}><div class="t">${text}</div><div class="meta">вчера</div></div>`;
}

describe('moderation on the page', () => {
  let controller: AbortController;
  let settings: Signal<Settings>;
  let allowlist: Signal<Allowlist>;
  let report: { deleted: ReturnType<typeof vi.fn<() => Promise<object>>>; notViolation: ReturnType<typeof vi.fn<() => Promise<object>>> };

  beforeEach(() => {
    controller = new AbortController();
    settings = signal<Settings>(DEFAULT_SETTINGS);
    allowlist = signal<Allowlist>(EMPTY_ALLOWLIST);
    report = { deleted: vi.fn(async () => ({})), notViolation: vi.fn(async () => ({})) };
  });
  afterEach(() => controller.abort());

  async function start(html: string) {
    document.body.innerHTML = html;
    const mod = moderation({
      adapter,
      doc: document,
      classify: signal(classify),
      settings,
      allowlist,
      enabledOn: () => settings.value.moderation.scope === 'everywhere',
      report,
      signal: controller.signal,
    });
    const runtime = startRuntime({ adapter, doc: document, state: createPageState(), features: [mod.feature], signal: controller.signal, url: () => 'https://vk.com/wall-1_1' });
    await runtime.idle();
    return { mod, runtime };
  }

  const flagsOf = () => [...document.querySelectorAll(`[${FLAGS_ATTR}]`)].map((e) => `${e.getAttribute('data-id')}=${e.getAttribute(FLAGS_ATTR)}`);

  it('flags violating comments with categories and a badge after the text, leaving others and own replies alone', async () => {
    const { mod } = await start(comment('-1_2', 'всё плохо и спам') + comment('-1_3', 'спасибо') + comment('-1_4', 'плохо', true));
    expect(flagsOf()).toEqual(['-1_2=insult spam']);
    const badge = document.querySelector('[data-id="-1_2"] .t + .otklik-flags')!;
    expect(badge.textContent).toContain('Оскорбление');
    expect(badge.textContent).toContain('п. 15 прил. 2');
    expect(badge.textContent).toContain('«плохо», «спам»');
    expect(mod.model.counts.value).toEqual({ insult: 1, spam: 1 });
  });

  it('says on the flag when only the team’s own word list names the words', async () => {
    await start(comment('-1_2', 'одни бюрократ') + comment('-1_3', 'всё плохо, бюрократ'));
    const [team, builtIn] = [...document.querySelectorAll('.otklik-flag')];
    expect(team!.textContent).toContain('по словарю команды');
    expect(team!.getAttribute('title')).toContain('по словарю команды');
    // One built-in finding in the category is enough: the flag is not the team's alone.
    expect(builtIn!.textContent).not.toContain('словар');
  });

  it('puts comment text into the badge as text, never as markup', async () => {
    const text = 'плохо <img src=x onerror="window.__pwned=1"> плохо';
    const escaped = text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    await start(comment('-1_9', escaped));
    const badge = document.querySelector('.otklik-flags')!;
    expect(badge.textContent).toContain('«плохо»');
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('logs a flagged comment the site replaced with «Комментарий удалён», with its evidence', async () => {
    await start(comment('-1_2', 'плохо') + comment('-1_3', 'спасибо'));
    const el = document.querySelector('[data-id="-1_2"]')!;
    el.replaceWith(Object.assign(document.createElement('div'), { className: 'deleted', textContent: 'Комментарий удалён' }));
    document.querySelector('.deleted')!.setAttribute('data-id', '-1_2');
    await vi.waitFor(() => expect(report.deleted).toHaveBeenCalledOnce());
    expect(report.deleted).toHaveBeenCalledWith(
      expect.objectContaining({ commentKey: 'vk:-1_2', text: 'плохо', authorName: 'Сергей', categories: ['insult'], pageName: 'Администрация' }),
      'detected',
    );
  });

  it('logs a deletion shown in place (classic markup keeps the element and swaps its content)', async () => {
    await start(comment('-1_2', 'спам'));
    const el = document.querySelector('[data-id="-1_2"]')!;
    el.innerHTML = '<div class="deleted-text">Комментарий удалён. <a>Восстановить</a></div>';
    await vi.waitFor(() => expect(report.deleted).toHaveBeenCalledWith(expect.objectContaining({ commentKey: 'vk:-1_2' }), 'detected'));
  });

  it('the badge says the moderator deletes on the site and Otklik only records it', async () => {
    await start(comment('-1_2', 'плохо'));
    const button = document.querySelector<HTMLButtonElement>('[data-action="deleted"]')!;
    expect(button.textContent).toBe('Я удалил(а)');
    expect(button.title).toBe('Отклик не удаляет комментарии: отметьте, что вы удалили его на сайте — это попадёт в журнал');
    expect(document.querySelector('.otklik-flags')!.textContent).not.toContain('Удалено');
  });

  it('records «Я удалил(а)» from the badge once', async () => {
    await start(comment('-1_2', 'плохо'));
    (document.querySelector('[data-action="deleted"]') as HTMLElement).click();
    expect(report.deleted).toHaveBeenCalledWith(expect.objectContaining({ commentKey: 'vk:-1_2' }), 'manual');
    expect(document.querySelector('.otklik-flags')!.textContent).toContain('записано в журнал');
    expect(document.querySelector('[data-action="deleted"]')).toBeNull();
  });

  it('«Не нарушение» asks what to allow, reports the choice, and the flag goes when the allow-list says so', async () => {
    await start(comment('-1_2', 'плохо') + comment('-1_3', 'тоже плохо'));
    (document.querySelector('[data-for="vk:-1_2"] [data-action="not-violation"]') as HTMLElement).click();
    (document.querySelector('[data-for="vk:-1_2"] [data-action="allow-word"]') as HTMLElement).click();
    expect(report.notViolation).toHaveBeenCalledWith(expect.objectContaining({ commentKey: 'vk:-1_2' }), 'word', ['плохо']);
    allowlist.value = { comments: [], words: ['плохо'] };
    expect(flagsOf()).toEqual([]);
    expect(document.querySelector('.otklik-flags')).toBeNull();
  });

  it('clears a single allowed comment and honours categories switched off', async () => {
    const { mod } = await start(comment('-1_2', 'плохо') + comment('-1_3', 'спам'));
    allowlist.value = { comments: ['vk:-1_2'], words: [] };
    expect(flagsOf()).toEqual(['-1_3=spam']);
    settings.value = { ...DEFAULT_SETTINGS, moderation: { ...DEFAULT_SETTINGS.moderation, categories: { ...DEFAULT_SETTINGS.moderation.categories, spam: false } } };
    expect(flagsOf()).toEqual([]);
    expect(mod.model.flagged.value).toEqual([]);
  });

  it('rewrites only the badges whose content changed when the allow-list changes', async () => {
    const { mod } = await start(comment('-1_2', 'плохо') + comment('-1_3', 'спам') + comment('-1_4', 'спам'));
    const badge = (id: string) => document.querySelector(`[data-id="${id}"] .otklik-flags`);
    const kept = [badge('-1_3'), badge('-1_4')];
    const item = mod.model.flagged.value.find((f) => f.key === 'vk:-1_3');
    allowlist.value = { comments: ['vk:-1_2'], words: [] };
    expect(flagsOf()).toEqual(['-1_3=spam', '-1_4=spam']);
    expect(badge('-1_2')).toBeNull();
    // The same elements, not copies: nothing else on the page was touched.
    expect([badge('-1_3'), badge('-1_4')]).toEqual(kept);
    expect(kept.every((b) => b?.isConnected)).toBe(true);
    expect(mod.model.flagged.value.find((f) => f.key === 'vk:-1_3')).toBe(item);
  });

  it('shows no flags where the scope excludes the page', async () => {
    settings.value = { ...DEFAULT_SETTINGS, moderation: { ...DEFAULT_SETTINGS.moderation, scope: 'registry' } };
    const { mod } = await start(comment('-1_2', 'плохо'));
    expect(flagsOf()).toEqual([]);
    expect(mod.model.active.value).toBe(false);
  });

  it('jumps to the next and previous flagged comment in page order, wrapping around', async () => {
    const { mod } = await start(comment('-1_2', 'плохо') + comment('-1_3', 'ok') + comment('-1_4', 'спам'));
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.getAttribute('data-id')!);
    };
    mod.model.jump(1);
    mod.model.jump(1);
    mod.model.jump(1);
    mod.model.jump(-1);
    expect(scrolled).toEqual(['-1_2', '-1_4', '-1_2', '-1_4']);
    expect(document.querySelector('[data-id="-1_4"]')!.classList.contains('otklik-pulse')).toBe(true);
  });
});

describe('the team’s words change while the page is open', () => {
  it('judges every comment again with the new classifier', async () => {
    const controller = new AbortController();
    document.body.innerHTML = comment('-1_2', 'чинуша') + comment('-1_3', 'плохо');
    const classifier = signal<Classify>(classify);
    const mod = moderation({
      adapter,
      doc: document,
      classify: classifier,
      settings: signal(DEFAULT_SETTINGS),
      allowlist: signal(EMPTY_ALLOWLIST),
      enabledOn: () => true,
      report: { deleted: async () => ({}), notViolation: async () => ({}) },
      signal: controller.signal,
    });
    const runtime = startRuntime({ adapter, doc: document, state: createPageState(), features: [mod.feature], signal: controller.signal, url: () => 'https://vk.com/wall-1_1' });
    await runtime.idle();
    expect(mod.model.flagged.value.map((f) => f.key)).toEqual(['vk:-1_3']);
    classifier.value = (text) => {
      const base = classify(text);
      const i = text.indexOf('чинуша');
      return i < 0 ? base : { verdict: 'delete', findings: [...base.findings, { category: 'insult', clause: 'п. 15 прил. 2', start: i, end: i + 6, match: 'чинуша', normalized: 'чинуша', confidence: 0.9 }] };
    };
    expect(mod.model.flagged.value.map((f) => f.key).sort()).toEqual(['vk:-1_2', 'vk:-1_3']);
    controller.abort();
  });
});

describe('a mass mailing on the page', () => {
  it('flags the same long text from different authors as spam, the first copy included', async () => {
    const { classify: realClassify } = await import('@/lib/rules');
    const controller = new AbortController();
    const byAuthor: SiteAdapter = {
      ...adapter,
      parseComment: (el) => {
        const c = adapter.parseComment(el, { url: 'https://vk.com/wall-1_1', now: 0, timeZone: 'Asia/Omsk' });
        return c && { ...c, authorId: el.getAttribute('data-author') };
      },
    };
    const text = 'Друзья, вступайте в нашу группу о городе, там все новости первыми и честно';
    document.body.innerHTML = `<div class="c" data-id="-1_2" data-author="7"><div class="t">${text}</div></div><div class="c" data-id="-1_3" data-author="7"><div class="t">спасибо</div></div>`;
    const mod = moderation({
      adapter: byAuthor,
      doc: document,
      classify: signal<Classify>((t, context) => realClassify(t, context)),
      settings: signal(DEFAULT_SETTINGS),
      allowlist: signal(EMPTY_ALLOWLIST),
      enabledOn: () => true,
      report: { deleted: async () => ({}), notViolation: async () => ({}) },
      signal: controller.signal,
    });
    const runtime = startRuntime({ adapter: byAuthor, doc: document, state: createPageState(), features: [mod.feature], signal: controller.signal, url: () => 'https://vk.com/wall-1_1' });
    await runtime.idle();
    const before = mod.model.flagged.value.find((f) => f.key === 'vk:-1_2');
    expect(before?.findings.some((f) => f.normalized.startsWith('массовая рассылка'))).not.toBe(true);

    document.body.insertAdjacentHTML('beforeend', `<div class="c" data-id="-1_4" data-author="8"><div class="t">${text}</div></div>`);
    await vi.waitFor(() => expect(mod.model.flagged.value.map((f) => f.key).sort()).toEqual(['vk:-1_2', 'vk:-1_4']));
    for (const f of mod.model.flagged.value) expect(f.findings.some((x) => x.category === 'spam' && x.normalized.startsWith('массовая рассылка'))).toBe(true);
    expect(document.querySelector('[data-id="-1_2"]')!.getAttribute('data-otklik-flags')).toContain('spam');
    controller.abort();
  });
});
