/**
 * Reading a backup file: everything is checked before anything is written, so a refused file
 * changes nothing. Each refusal says in Russian what is wrong and where.
 */
import { z } from 'zod';
import { settingsSchema } from '../settings/schema';
import { compileCustomLexicon } from '../rules/custom';
import { checkReplyLibrary } from '../replies/schema';
import { replayPublication } from '../publications/reducer';
import { replay } from '../workflow/reducer';
import { parseCalendarYear } from '../worktime/calendar';
import { parseWorktimeSettings } from '../worktime/schedule';
import { migrateBackup } from './migrate';
import { settingsQuotaProblem } from './quota';
import { AllowlistSchema, TABLE_KEYS, TABLE_SCHEMAS } from './schemas';
import { BACKUP_KIND, BACKUP_TABLES, LATER_TABLES, rowsOf, BACKUP_VERSION, SETTINGS_KEYS, TABLE_LABELS, type Backup, type BackupTable, type ParseBackupResult } from './types';

const MAX_ERRORS = 5;

function refuse(error: string): ParseBackupResult {
  return { ok: false, error };
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'неверный формат';
  const where = issue.path.length ? ` (поле ${issue.path.join('.')})` : '';
  return `${issue.message}${where}`;
}

function recordName(table: BackupTable, value: unknown, index: number): string {
  const key = value && typeof value === 'object' ? (value as Record<string, unknown>)[TABLE_KEYS[table]] : undefined;
  return `запись ${index + 1}${typeof key === 'string' || typeof key === 'number' ? ` («${key}»)` : ''}`;
}

function checkTable(table: BackupTable, rows: unknown[], problems: string[]): void {
  const schema = TABLE_SCHEMAS[table];
  const seen = new Map<unknown, number>();
  const label = TABLE_LABELS[table];
  for (let i = 0; i < rows.length && problems.length < MAX_ERRORS; i++) {
    const row = rows[i];
    const parsed = schema.safeParse(row, { error: z.locales.ru().localeError });
    if (!parsed.success) {
      problems.push(`Таблица «${label}», ${recordName(table, row, i)}: ${issueText(parsed.error)}`);
      continue;
    }
    const key = (row as Record<string, unknown>)[TABLE_KEYS[table]];
    const first = seen.get(key);
    if (first !== undefined) problems.push(`Таблица «${label}»: идентификатор «${String(key)}» повторяется (записи ${first + 1} и ${i + 1})`);
    else seen.set(key, i);
    if (table === 'messages') {
      try {
        replay((row as { events: Parameters<typeof replay>[0] }).events);
      } catch (e) {
        problems.push(`Сообщение «${String(key)}»: история не воспроизводится — ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (table === 'publications') {
      try {
        replayPublication((row as { events: Parameters<typeof replayPublication>[0] }).events);
      } catch (e) {
        problems.push(`Заявка на публикацию «${String(key)}»: история не воспроизводится — ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}

function settingsProblem(key: string, value: unknown): string | null {
  switch (key) {
    case 'settings': {
      const r = settingsSchema.safeParse(value);
      return r.success ? null : `настройки: ${issueText(r.error)}`;
    }
    case 'worktime': {
      const r = parseWorktimeSettings(value);
      return r.ok ? null : r.error;
    }
    case 'lexicon': {
      const r = compileCustomLexicon(value);
      return r.ok ? null : `словарь: ${r.errors[0]}`;
    }
    case 'allowlist': {
      const r = AllowlistSchema.safeParse(value);
      return r.success ? null : `исключения модерации: ${issueText(r.error)}`;
    }
    case 'replyTemplates': {
      const r = checkReplyLibrary(value);
      return r.ok ? null : `шаблоны ответов: ${r.errors[0]}`;
    }
    case 'calendarYears': {
      if (!Array.isArray(value)) return 'добавленные годы календаря должны быть списком';
      for (const y of value) {
        const r = parseCalendarYear(y);
        if (!r.ok) return r.error;
      }
      return null;
    }
  }
  return null;
}

function looksTruncated(text: string): boolean {
  const t = text.trim();
  return t.startsWith('{') && !t.endsWith('}');
}

export function parseBackup(text: string): ParseBackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    if (looksTruncated(text) && text.includes(BACKUP_KIND)) return refuse('Файл резервной копии обрезан или повреждён: он не дочитывается до конца. Возьмите копию заново.');
    return refuse('Это не файл резервной копии Отклика: файл не в формате JSON.');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return refuse('Это не файл резервной копии Отклика.');
  const file = data as Record<string, unknown>;
  if (file.kind !== BACKUP_KIND) {
    if (file.kind === 'otklik-exchange') return refuse('Это файл обмена с исполнителями, а не резервная копия: откройте его в разделе «Обмен».');
    return refuse('Это не файл резервной копии Отклика (в нём нет отметки «otklik-backup»).');
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return refuse('Файл резервной копии повреждён: не указана версия формата.');
  if (version > BACKUP_VERSION) return refuse(`Файл от более новой версии Отклика (${version}), обновите расширение.`);
  const current = version < BACKUP_VERSION ? migrateBackup(file, version) : file;
  const tables = current.tables;
  if (!tables || typeof tables !== 'object') return refuse('Файл резервной копии повреждён: в нём нет таблиц.');
  const problems: string[] = [];
  for (const table of BACKUP_TABLES) {
    const rows = (tables as Record<string, unknown>)[table] ?? (LATER_TABLES.has(table) ? [] : undefined);
    if (!Array.isArray(rows)) return refuse(`Файл резервной копии повреждён: нет таблицы «${TABLE_LABELS[table]}».`);
    checkTable(table, rows, problems);
  }
  const settings = (current.settings ?? {}) as Record<string, unknown>;
  if (typeof settings !== 'object' || Array.isArray(settings)) problems.push('Настройки в файле повреждены.');
  else
    for (const key of SETTINGS_KEYS) {
      if (settings[key] === undefined) continue;
      const problem = settingsProblem(key, settings[key]);
      if (problem) problems.push(`Настройки: ${problem}`);
    }
  if (typeof settings === 'object' && !Array.isArray(settings)) {
    // No browser could hold these: said when the file is chosen, not halfway through a restore.
    const tooBig = settingsQuotaProblem(Object.fromEntries(SETTINGS_KEYS.map((k) => [k, settings[k]])));
    if (tooBig) problems.push(tooBig.charAt(0).toUpperCase() + tooBig.slice(1));
  }
  if (typeof current.exportedAt !== 'string' || Number.isNaN(Date.parse(current.exportedAt))) problems.push('Не указано время создания копии.');
  if (problems.length) return refuse(`Файл не принят, ничего не изменено:\n${problems.slice(0, MAX_ERRORS).join('\n')}`);
  const backup: Backup = {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt: current.exportedAt as string,
    tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, (tables as Record<string, unknown>)[t] ?? []])) as unknown as Backup['tables'],
    settings: Object.fromEntries(SETTINGS_KEYS.filter((k) => settings[k] !== undefined).map((k) => [k, settings[k]])),
  };
  const older = [...LATER_TABLES].every((t) => (tables as Record<string, unknown>)[t] === undefined);
  return { ok: true, backup, ...(version < BACKUP_VERSION ? { migratedFrom: version } : {}), ...(older ? { older: true as const } : {}) };
}

/** What the panel shows before the user chooses: how many records of each kind, and when. */
export function describeBackup(backup: Backup): { exportedAt: string; counts: Record<BackupTable, number>; settings: string[] } {
  return {
    exportedAt: backup.exportedAt,
    counts: Object.fromEntries(BACKUP_TABLES.map((t) => [t, rowsOf(backup.tables, t).length])) as Record<BackupTable, number>,
    settings: Object.keys(backup.settings),
  };
}
