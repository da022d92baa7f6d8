/**
 * Citizens' messages on the page (App. 1): the curator registers a comment as a message; comments
 * tied to a message carry a badge with its state and next deadline; an approved reply goes into
 * that comment's reply box for a person to send; the page's own reply marks the message published.
 */
import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { RequestOf, ResponseOf } from '../../protocol';
import type { StaffRole } from '../../settings/defaults';
import { commentKeyOf, originOf, type PageInfo, type SiteAdapter } from '../../sites/types';
import { CommentIndex, placeAfterText, type CommentEntry } from '../comments';
import { actionButton, el as mkIn, uiBox } from '../dom';
import { copyText, putReply } from '../insert';
import { COMMENT_ATTR, UI_ATTR, type Feature } from '../runtime';

type Item = ResponseOf<'messages/for-comments'>['items'][number];

export interface MessagesDeps {
  adapter: SiteAdapter;
  doc: Document;
  role: ReadonlySignal<StaffRole>;
  forComments(keys: string[]): Promise<Item[]>;
  register(request: RequestOf<'messages/register'>): Promise<ResponseOf<'messages/register'>>;
  published(request: RequestOf<'messages/published'>): Promise<ResponseOf<'messages/published'>>;
  now: () => number;
  signal: AbortSignal;
  /** How often badges re-read their countdown. */
  refreshMs?: number;
}

export function messages(deps: MessagesDeps) {
  const { adapter, doc } = deps;
  let page: PageInfo | null = null;
  /** The page's comments, the runtime's index (set on every page). */
  let seen = new CommentIndex(adapter);
  const tied = new Map<string, Item>();
  const reported = new Set<string>();
  let pending: string[] = [];
  const error = signal<string | null>(null);
  const count = signal(0);

  const mk = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) => mkIn(doc, tag, cls, text);

  function renderBadge(entry: CommentEntry, item: Item) {
    const { key } = entry;
    entry.el.querySelector(`.otklik-msg[data-for="${CSS.escape(key)}"]`)?.remove();
    const box = uiBox(doc, `otklik-msg otklik-msg--${item.urgency}`, key);
    box.setAttribute('data-message-id', item.id);
    box.append(mk('span', 'otklik-msg__state', `Сообщение: ${item.statusTitle}`));
    if (item.importance === 'high') box.append(mk('span', 'otklik-msg__high', 'высокая важность'));
    if (item.owner) box.append(mk('span', 'otklik-msg__owner', `отвечает: ${item.owner}`));
    if (item.next) box.append(mk('span', 'otklik-msg__next', item.next));
    if (item.approvedText) box.append(actionButton(doc, 'otklik-action', 'insert-reply', 'Вставить ответ'));
    placeAfterText(entry, box);
  }

  async function lookup(keys: string[]) {
    if (!keys.length) return;
    try {
      const items = await deps.forComments(keys);
      for (const item of items) tied.set(item.commentKey, item);
      for (const item of items) {
        const at = seen.get(item.commentKey);
        if (at?.el.isConnected) renderBadge(at, item);
      }
      count.value = tied.size;
      checkOwnReplies();
      error.value = null;
    } catch (e) {
      error.value = `Сообщения не загружены: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** The page's own reply under a tied comment is the publication (§10), with its link and time. */
  function checkOwnReplies() {
    for (const { key, comment } of seen) {
      if (!comment.own || !comment.parentId || reported.has(key)) continue;
      const parentKey = commentKeyOf({ site: comment.site, id: comment.parentId });
      const item = tied.get(parentKey);
      if (!item || item.published) continue;
      reported.add(key);
      void deps
        .published({ commentKey: parentKey, url: comment.permalink, at: comment.publishedAt ?? deps.now(), text: comment.text })
        .then((r) => (r.changed ? lookup([parentKey]) : undefined))
        .catch(() => reported.delete(key));
    }
  }

  // --- «Зарегистрировать сообщение»: one button that follows the comment under the pointer. ---
  const hoverButton = actionButton(doc, 'otklik-action otklik-register', 'register', 'Зарегистрировать сообщение');
  hoverButton.setAttribute(UI_ATTR, '');

  /** Whether the curator can register this comment: not the page's own, not tied, no form open. */
  function registrable(key: string): boolean {
    const entry = seen.get(key);
    return !!entry && !entry.comment.own && !tied.has(key) && !entry.el.querySelector('.otklik-register-form');
  }

  /** The pointer over a comment, or the keyboard's focus inside it (Tab), brings the button to it. */
  function onOver(event: Event) {
    if (deps.role.value !== 'curator') return;
    const el = (event.target as Element | null)?.closest?.(`[${COMMENT_ATTR}]`);
    if (!el) return;
    const key = el.getAttribute(COMMENT_ATTR)!;
    if (!registrable(key)) return;
    if (hoverButton.getAttribute('data-for') === key && hoverButton.isConnected) return;
    hoverButton.setAttribute('data-for', key);
    placeAfterText(seen.get(key)!, hoverButton);
  }

  function openForm(key: string): HTMLFormElement | null {
    hoverButton.remove();
    const entry = seen.get(key);
    if (!entry) return null;
    const open = entry.el.querySelector<HTMLFormElement>('.otklik-register-form');
    if (open) return open;
    const form = registerForm(key);
    placeAfterText(entry, form);
    return form;
  }

  /**
   * From the page panel: the registrable comment nearest the middle of the window gets the form,
   * scrolled into view with the focus on its first field. Says what it did, or why it could not.
   */
  function registerInView(): string {
    if (deps.role.value !== 'curator') return 'Регистрировать сообщения может куратор: укажите роль в настройках Отклика';
    const middle = (doc.defaultView?.innerHeight ?? 0) / 2;
    let best: { key: string; distance: number } | null = null;
    for (const { key, el, text } of seen) {
      if (!el.isConnected || !registrable(key)) continue;
      const r = text.getBoundingClientRect();
      if (r.bottom < 0 || r.top > middle * 2 || (r.width === 0 && r.height === 0)) continue;
      const distance = Math.abs((r.top + r.bottom) / 2 - middle);
      if (!best || distance < best.distance) best = { key, distance };
    }
    if (!best) return 'На экране нет комментария, который можно зарегистрировать: прокрутите к нему';
    const form = openForm(best.key);
    form?.scrollIntoView({ block: 'center' });
    form?.querySelector<HTMLInputElement>('input[name="topic"]')?.focus({ preventScroll: true });
    const author = seen.get(best.key)?.comment.authorName;
    return author ? `Форма открыта под комментарием: ${author}` : 'Форма открыта под комментарием';
  }

  function registerForm(key: string): HTMLFormElement {
    const form = uiBox(doc, 'otklik-register-form', key, 'form');
    const field = (label: string, input: HTMLElement) => {
      const l = mk('label', 'otklik-field', label);
      l.append(input);
      return l;
    };
    const topic = mk('input', '');
    topic.name = 'topic';
    const location = mk('input', '');
    location.name = 'location';
    const importance = mk('select', '');
    importance.name = 'importance';
    for (const [value, label] of [['normal', 'обычная'], ['high', 'высокая']]) {
      const o = mk('option', '', label);
      o.value = value!;
      importance.append(o);
    }
    const access = mk('input', '');
    access.type = 'datetime-local';
    access.name = 'receivedAt';
    const local = new Date(deps.now() - new Date().getTimezoneOffset() * 60_000);
    access.value = local.toISOString().slice(0, 16);
    const submit = mk('button', 'otklik-action', 'Зарегистрировать');
    submit.type = 'submit';
    const cancel = actionButton(doc, 'otklik-action', 'cancel-register', 'Отмена');
    const status = mk('span', 'otklik-words');
    form.append(field('Тема', topic), field('Локация', location), field('Важность', importance), field('Доступ получен', access), submit, cancel, status);
    return form;
  }

  async function submitRegistration(form: HTMLFormElement) {
    const key = form.getAttribute('data-for')!;
    const entry = seen.get(key);
    if (!entry || !page) return;
    const data = new FormData(form);
    const receivedAt = new Date(String(data.get('receivedAt'))).getTime();
    const status = form.querySelector('.otklik-words')!;
    if (!Number.isFinite(receivedAt)) {
      status.textContent = 'Укажите, когда получен доступ к сообщению';
      return;
    }
    const c = entry.comment;
    try {
      await deps.register({
        source: originOf(page, c),
        topic: String(data.get('topic') ?? ''),
        location: String(data.get('location') ?? ''),
        importance: data.get('importance') === 'high' ? 'high' : 'normal',
        receivedAt,
      });
      form.remove();
      await lookup([key]);
    } catch (e) {
      // The form stays with what was typed; the reason is shown next to it.
      status.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  async function insertReply(key: string) {
    const entry = seen.get(key);
    const item = tied.get(key);
    if (!entry || !item?.approvedText) return;
    const badge = entry.el.querySelector(`.otklik-msg[data-for="${CSS.escape(key)}"]`);
    const say = (text: string) => {
      badge?.querySelector('.otklik-msg__note')?.remove();
      badge?.append(mk('span', 'otklik-msg__note', text));
    };
    const control = adapter.replyControl?.(entry.el);
    (control as HTMLElement | null)?.click();
    const composer = await replyBoxFor(entry.el);
    if (!composer) return say('Не нашёл поле ответа: нажмите «Ответить» под комментарием и повторите');
    const outcome = await putReply(composer, item.approvedText);
    if (outcome !== 'failed') return say('Ответ вставлен — проверьте и отправьте сами');
    // Never a half-inserted reply: the field is as the site had it, the text is on the clipboard.
    const copied = await copyText(doc, item.approvedText);
    say(
      copied
        ? 'Поле ответа не приняло текст. Ответ скопирован: вставьте его в поле сами (Ctrl+V) и отправьте'
        : 'Поле ответа не приняло текст, и скопировать его не удалось: скопируйте ответ из карточки сообщения',
    );
  }

  /** The comment's nearest reply box: the one inside it first, then outward (a page can hold several). */
  function nearestComposer(el: Element): HTMLElement | null {
    for (let scope: Element | null = el; scope; scope = scope.parentElement) {
      const found = adapter.composer?.(scope) ?? null;
      if (found) return found;
    }
    return null;
  }

  /**
   * After «Ответить», the reply box that opened for this comment: the field the site focused, or
   * one inside the comment; while neither shows (up to 3 s), the nearest box the page already had.
   */
  async function replyBoxFor(el: Element): Promise<HTMLElement | null> {
    // The page's own clock: deps.now may be a test's fixed time.
    const started = performance.now();
    for (;;) {
      // The site opens its reply box in response to the click; give it a frame to render.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const active = doc.activeElement as HTMLElement | null;
      if (active && active !== doc.body && (adapter.composer?.(active.parentElement ?? doc) ?? null) === active) return active;
      const nearest = nearestComposer(el);
      if (nearest && el.contains(nearest)) return nearest;
      const waited = performance.now() - started;
      if ((nearest && waited > 600) || waited > 3000 || deps.signal.aborted) return nearest;
    }
  }

  function onClick(event: Event) {
    const target = event.target as Element | null;
    const button = target?.closest?.('button[data-action]');
    if (!button || !button.closest(`[${UI_ATTR}]`)) return;
    const action = button.getAttribute('data-action');
    const key = button.closest('[data-for]')?.getAttribute('data-for');
    if (!key) return;
    if (action === 'register') {
      event.preventDefault();
      event.stopPropagation();
      openForm(key)?.querySelector<HTMLInputElement>('input[name="topic"]')?.focus();
    } else if (action === 'cancel-register') {
      event.preventDefault();
      button.closest('form')?.remove();
    } else if (action === 'insert-reply') {
      event.preventDefault();
      event.stopPropagation();
      void insertReply(key);
    }
  }
  function onSubmit(event: Event) {
    const form = event.target as HTMLFormElement;
    if (!form.classList?.contains('otklik-register-form')) return;
    event.preventDefault();
    event.stopPropagation();
    void submitRegistration(form);
  }
  doc.addEventListener('mouseover', onOver, { signal: deps.signal });
  doc.addEventListener('focusin', onOver, { signal: deps.signal });
  doc.addEventListener('click', onClick, { capture: true, signal: deps.signal });
  doc.addEventListener('submit', onSubmit, { capture: true, signal: deps.signal });

  const timer = setInterval(() => void lookup([...tied.keys()]), deps.refreshMs ?? 60_000);
  deps.signal.addEventListener('abort', () => clearInterval(timer), { once: true });

  const feature: Feature = {
    name: 'messages',
    // A message's badge goes under the moderation badge of the same comment.
    after: ['moderation'],
    onPage(p, index) {
      page = p;
      seen = index;
      tied.clear();
      reported.clear();
      pending = [];
      count.value = 0;
    },
    onBatch(b) {
      page = b.page;
      for (const { key } of b.comments) pending.push(key);
    },
    onIdle() {
      const keys = pending;
      pending = [];
      void lookup(keys);
    },
  };

  return { feature, model: { count, error, registerInView } };
}
