/** The library as a file a curator hands to another (or keeps): JSON with a kind and a version. */
import { checkReplyLibrary, REPLY_LIBRARY_VERSION, type ReplyTemplate } from './schema';

export const REPLY_TEMPLATES_FILE_KIND = 'otklik-reply-templates';

export function replyTemplatesToFile(templates: readonly ReplyTemplate[], exportedAt: Date): string {
  return JSON.stringify({ kind: REPLY_TEMPLATES_FILE_KIND, version: REPLY_LIBRARY_VERSION, exportedAt: exportedAt.toISOString(), templates }, null, 2);
}

export function replyTemplatesFileName(date: string): string {
  return `otklik-reply-templates-${date}.json`;
}

/** The file's templates, every one checked; a foreign or damaged file is refused whole. */
export function replyTemplatesFromFile(text: string): { ok: true; templates: ReplyTemplate[] } | { ok: false; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, errors: ['Файл не в формате JSON'] };
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (head.kind !== REPLY_TEMPLATES_FILE_KIND) {
    if (head.kind === 'otklik-backup') return { ok: false, errors: ['Это резервная копия, а не файл шаблонов: восстановите её в разделе «Резервная копия».'] };
    return { ok: false, errors: ['Это не файл шаблонов ответов Отклика'] };
  }
  if (head.version !== REPLY_LIBRARY_VERSION) return { ok: false, errors: [`Версия файла ${String(head.version)} не поддерживается`] };
  const checked = checkReplyLibrary({ version: head.version, templates: head.templates });
  return checked.ok ? { ok: true, templates: checked.value.templates } : { ok: false, errors: checked.errors.slice(0, 10) };
}
