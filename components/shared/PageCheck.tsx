import { useState } from 'preact/hooks';
import { plural, pluralForm, type PluralForms } from '@/lib/i18n/plural';
import type { PageCheck } from '@/lib/sites/check';

const COMMENTS: PluralForms = ['комментарий', 'комментария', 'комментариев'];
/** «у 2 комментариев»: the genitive after «у», one form for 2–4 and for 5+. */
const OF_COMMENTS: PluralForms = ['комментария', 'комментариев', 'комментариев'];

export interface CheckText {
  /** Everything the site shows was read. */
  ok: boolean;
  headline: string;
  /** What was found, one fact a line. */
  found: string[];
  /** What is not read, and what that breaks for the user. */
  problems: string[];
}

/** The page check in plain Russian: what Otklik read, and what it did not and what that means. */
export function describeCheck(c: PageCheck): CheckText {
  const found: string[] = [];
  const problems: string[] = [];
  const hasComments = c.comments > 0;
  found.push(`Записей: ${c.posts}`);
  found.push(`Комментариев: ${c.comments}${c.siteSays !== null ? ` (сайт показывает ${c.siteSays})` : ''}`);
  if (c.placeholders) found.push(`Удалённых: ${c.placeholders}`);
  if (hasComments) {
    found.push(`С датой: ${c.datesRead} из ${c.comments} · с автором: ${c.authors} из ${c.comments} · с кнопкой «Ответить»: ${c.replyControls} из ${c.comments}`);
  }
  found.push(c.composer ? 'Поле ответа: найдено' : 'Поле ответа: не найдено');

  if (c.kind === 'other') problems.push('Это не стена, не запись и не обсуждение: здесь Отклик не читает комментарии.');
  else if (c.posts === 0 && !hasComments) problems.push('Записи не найдены: публикации этой страницы не посчитать.');
  if (c.mismatch) {
    problems.push(
      `Сайт показывает ${plural(c.siteSays!, COMMENTS)}, а Отклик не распознал ни одного: сайт изменил разметку. ` +
        'Отметки нарушений, журнал удалений и «Вставить ответ» здесь не работают.',
    );
  } else if (c.siteSays !== null && hasComments && c.comments + c.placeholders < c.siteSays) {
    found.push(`Часть комментариев может быть свёрнута: раскройте ответы и «Показать следующие комментарии» и проверьте снова.`);
  }
  if (c.unread) {
    problems.push(`${plural(c.unread, COMMENTS)} ${c.unread === 1 ? 'найден' : 'найдены'}, но не ${c.unread === 1 ? 'прочитан: у него' : 'прочитаны: у них'} не распознаны номер и дата.`);
  }
  const noDate = c.comments - c.datesRead;
  if (noDate > 0) problems.push(`У ${noDate} ${pluralForm(noDate, OF_COMMENTS)} не прочитана дата: срок ответа по ${noDate === 1 ? 'нему' : 'ним'} не посчитать.`);
  const noAuthor = c.comments - c.authors;
  if (noAuthor > 0) problems.push(`У ${noAuthor} ${pluralForm(noAuthor, OF_COMMENTS)} не найден автор.`);
  const noReply = c.comments - c.replyControls;
  if (noReply > 0) problems.push(`У ${noReply} ${pluralForm(noReply, OF_COMMENTS)} нет кнопки «Ответить»: «Вставить ответ» к ${noReply === 1 ? 'нему' : 'ним'} не сработает (или комментарии закрыты).`);

  const ok = problems.length === 0;
  return {
    ok,
    headline: ok ? 'Страница прочитана: всё, что показывает сайт, распознано.' : 'Прочитано не всё:',
    found,
    problems,
  };
}

export interface PageCheckProps {
  /** Reads the page now. */
  run: () => PageCheck;
  /** The report for the developers: structure and counts, no text of the page. */
  report: () => string;
  /** Puts text on the clipboard; false when the browser refused. */
  copy: (text: string) => Promise<boolean>;
}

/** «Проверить страницу» and «Скопировать отчёт для разработчиков» in the page panel. */
export function PageCheckSection({ run, report, copy }: PageCheckProps) {
  const [result, setResult] = useState<CheckText | null>(null);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const onCopy = async () => {
    const text = report();
    setCopied({ ok: await copy(text), text });
  };
  return (
    <div class="page-check" data-testid="page-check">
      <p class="page-check-actions">
        <button type="button" class="link" onClick={() => setResult(describeCheck(run()))}>
          Проверить страницу
        </button>{' '}
        <button type="button" class="link" onClick={() => void onCopy()}>
          Скопировать отчёт для разработчиков
        </button>
      </p>
      {result && (
        <div role="status" data-testid="page-check-result">
          <p class={result.ok ? 'check-ok' : 'check-problems'}>{result.headline}</p>
          {result.problems.length > 0 && (
            <ul class="check-list check-list--problems">
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <ul class="check-list">
            {result.found.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          {!result.ok && <p class="muted">Чтобы это исправили, скопируйте отчёт для разработчиков и отправьте его им.</p>}
        </div>
      )}
      {copied?.ok && (
        <p class="muted" role="status" data-testid="report-note">
          Отчёт скопирован: вставьте его в письмо разработчикам. В нём только устройство страницы — ни текстов, ни имён.
        </p>
      )}
      {copied && !copied.ok && (
        <div role="status" data-testid="report-note">
          <p class="muted">Браузер не дал скопировать. Выделите отчёт ниже и скопируйте его сами (Ctrl+C):</p>
          <textarea class="report-text" readOnly rows={6} value={copied.text} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
