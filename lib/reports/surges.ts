/**
 * §19 of Appendix 1: socially significant messages, and surges of activity — pages or topics with
 * far more new messages in the last hours than usual. The rule is stated in the report itself, so
 * the curator can repeat it to the Mayor.
 */
import { safeSiteLink } from '../sites/address';
import type { MessageRecord } from '../messages/types';
import type { MessageState } from '../workflow/reducer';
import { replayed } from './missed';
import { formatDateTime, inPeriod, snippetOf, type Period } from './format';
import { pluralForm } from '../i18n/plural';

export interface SurgeOptions {
  windowHours: number;
  baselineDays: number;
  /** A surge needs at least this many messages in the window… */
  minCount?: number;
  /** …and this many times the usual count of a window. */
  factor?: number;
  /** Significant messages received in this period; without it, every flagged one. */
  period?: Period;
}

export interface SignificantItem {
  id: string;
  author: string;
  snippet: string;
  link: string | null;
  receivedAt: number;
  topic: string;
  location: string;
  department: string;
  status: MessageState['status'];
}

export interface Surge {
  kind: 'page' | 'topic';
  key: string;
  label: string;
  /** New messages in the window. */
  count: number;
  /** Messages of the same page or topic in the baseline before the window. */
  baselineCount: number;
  /** The usual level: mean count per window of the same length over the baseline. */
  usual: number;
  messageIds: string[];
}

export interface SurgeReport {
  now: number;
  window: Period;
  baseline: Period;
  options: Required<Omit<SurgeOptions, 'period'>>;
  significant: SignificantItem[];
  surges: Surge[];
  /** The rule in Russian, for the view and the text. */
  rule: string;
}

const HOUR = 3_600_000;

/** A citizen's activity is when they wrote; when the source does not say, when the curator got it. */
function activityAt(r: MessageRecord, state: MessageState): number {
  return r.source?.writtenAt ?? state.receivedAt;
}

export function surgeRule(o: Required<Omit<SurgeOptions, 'period'>>): string {
  const hours = `${o.windowHours} ${pluralForm(o.windowHours, ['час', 'часа', 'часов'])}`;
  const days = `${o.baselineDays} ${pluralForm(o.baselineDays, ['день', 'дня', 'дней'])}`;
  return (
    `Всплеск: за последние ${hours} новых сообщений по странице или теме не меньше ${o.minCount} ` +
    `и не меньше чем в ${o.factor} раза больше обычного. Обычный уровень — среднее число сообщений за ${hours} ` +
    `в предыдущие ${days}. Время сообщения — когда его написал житель, а если неизвестно — когда оно поступило Куратору.`
  );
}

/** The §19 report built message by message (see missedCollector): `add` each message with its state, then `result`. */
export function surgesCollector(now: number, options: SurgeOptions) {
  const o = { windowHours: options.windowHours, baselineDays: options.baselineDays, minCount: options.minCount ?? 3, factor: options.factor ?? 3 };
  const window: Period = { from: now - o.windowHours * HOUR, to: now };
  const baseline: Period = { from: window.from - o.baselineDays * 24 * HOUR, to: window.from };
  const windows = (o.baselineDays * 24) / o.windowHours;
  const significant: SignificantItem[] = [];
  const buckets = new Map<string, { kind: Surge['kind']; key: string; label: string; inWindow: string[]; base: number }>();
  const bucket = (kind: Surge['kind'], key: string, label: string) => {
    const id = `${kind}\u0000${key}`;
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = { kind, key, label, inWindow: [], base: 0 }));
    return b;
  };
  return {
    add(r: MessageRecord, replayed: { ok: true; state: MessageState } | { ok: false }) {
      if (!replayed.ok) return;
      const { state } = replayed;
      if (state.sociallySignificant && (!options.period || inPeriod(state.receivedAt, options.period)))
        significant.push({
          id: r.id,
          author: r.author ?? '',
          snippet: snippetOf(r.text),
          link: safeSiteLink(r.source?.permalink) ?? safeSiteLink(r.url),
          receivedAt: state.receivedAt,
          topic: state.topic ?? '',
          location: state.location ?? '',
          department: state.responsible?.department ?? '',
          status: state.status,
        });
      const at = activityAt(r, state);
      const inWindow = inPeriod(at, window);
      if (!inWindow && !inPeriod(at, baseline)) return;
      const targets = [];
      const pageKey = r.source?.pageKey ?? r.source?.pageUrl ?? null;
      if (pageKey) targets.push(bucket('page', pageKey, r.source?.pageName ?? r.source?.pageUrl ?? pageKey));
      if (state.topic) targets.push(bucket('topic', state.topic.toLowerCase(), state.topic));
      for (const b of targets) {
        if (inWindow) b.inWindow.push(r.id);
        else b.base++;
      }
    },
    result(): SurgeReport {
      significant.sort((a, b) => b.receivedAt - a.receivedAt);
      const surges: Surge[] = [];
      for (const b of buckets.values()) {
        const usual = b.base / windows;
        const count = b.inWindow.length;
        if (count >= o.minCount && count >= o.factor * usual)
          surges.push({ kind: b.kind, key: b.key, label: b.label, count, baselineCount: b.base, usual, messageIds: b.inWindow });
      }
      surges.sort((a, b) => b.count - a.count || (a.kind === b.kind ? 0 : a.kind === 'page' ? -1 : 1) || a.label.localeCompare(b.label, 'ru'));
      return { now, window, baseline, options: o, significant, surges, rule: surgeRule(o) };
    },
  };
}

export function significantAndSurges(records: readonly MessageRecord[], now: number, options: SurgeOptions): SurgeReport {
  const c = surgesCollector(now, options);
  for (const r of records) c.add(r, replayed(r));
  return c.result();
}

const MESSAGES = ['сообщение', 'сообщения', 'сообщений'] as const;

/** «172», «1,5»: a level as people say it — whole above ten, one decimal at most below. */
function roughly(n: number): string {
  const v = n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
  return `${v === n ? '' : 'около '}${v.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}`;
}

/**
 * The usual level in the unit it reads best in: per window («около 172 за 3 ч») when that is at
 * least one, else per day («около 2 в сутки»), else the plain count over the baseline.
 */
export function formatUsual(s: Pick<Surge, 'usual' | 'baselineCount'>, o: Pick<SurgeReport['options'], 'windowHours' | 'baselineDays'>): string {
  const days = `${o.baselineDays} ${pluralForm(o.baselineDays, ['день', 'дня', 'дней'])}`;
  if (s.baselineCount === 0) return `ни одного за предыдущие ${days}`;
  if (s.usual >= 1) return `${roughly(s.usual)} за ${o.windowHours} ч`;
  const perDay = (s.usual * 24) / o.windowHours;
  if (perDay >= 1) return `${roughly(perDay)} в сутки`;
  return `${s.baselineCount} за предыдущие ${days}`;
}

/** The summary the curator pastes into a message to the Mayor. */
export function surgesToText(report: SurgeReport, zone: string): string {
  const o = report.options;
  const lines = [`Сводка по п. 19 прил. 1 к Порядку 280-п на ${formatDateTime(report.now, zone)}`, ''];
  lines.push(`Социально значимые сообщения: ${report.significant.length}`);
  for (const s of report.significant) {
    const about = [s.topic, s.location].filter(Boolean).join(', ');
    lines.push(
      `— ${formatDateTime(s.receivedAt, zone)}${s.author ? `, ${s.author}` : ''}: «${s.snippet}»${about ? ` (${about})` : ''}${s.department ? `; исполнитель: ${s.department}` : ''}${s.link ? ` ${s.link}` : ''}`,
    );
  }
  lines.push('', `Повышенная активность за последние ${o.windowHours} ч (с ${formatDateTime(report.window.from, zone)}): ${report.surges.length ? report.surges.length : 'не выявлена'}`);
  for (const s of report.surges) {
    const what = s.kind === 'page' ? `страница «${s.label}»` : `тема «${s.label}»`;
    lines.push(`— ${what}: ${s.count} ${pluralForm(s.count, MESSAGES)} за ${o.windowHours} ч; обычно ${formatUsual(s, o)}`);
  }
  lines.push('', report.rule);
  return lines.join('\n');
}
