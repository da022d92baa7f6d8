import type { Allowlist } from '@/lib/moderation/allowlist';
import { CATEGORY_NAMES } from '@/lib/moderation/labels';
import { CATEGORIES } from '@/lib/rules/types';
import type { LexiconSource } from '@/lib/settings/lexicon-read';
import { Done, Errors, useSaveStatus, type SaveResult } from './SaveStatus';
import { useDraft } from './useDraft';
import { FileButton } from '../shared/FileButton';
import { ManagedNote } from './Managed';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export interface LexiconFormProps {
  lexicon: LexiconSource;
  allowlist: Allowlist;
  onSave(input: unknown): Promise<SaveResult>;
  onImport(text: string): Promise<SaveResult>;
  onExport(): void;
  onForget(kind: 'comments' | 'words', value: string): void;
  /** The official domains the organisation set by policy: always allowed, shown apart from the user's list. */
  officialDomains?: string[];
}

/** The lists as the form edits them: one text a list, a line a word. */
const toText = (lexicon: LexiconSource) => ({
  words: Object.fromEntries(CATEGORIES.map((c) => [c, (lexicon.words[c] ?? []).join('\n')])) as Record<string, string>,
  allow: lexicon.allow.join('\n'),
  domains: lexicon.allowDomains.join('\n'),
});

/** The team's words: extra words per category, exceptions, allowed sites; import and export as JSON. */
export function LexiconForm({ lexicon, allowlist, onSave, onImport, onExport, onForget, officialDomains = [] }: LexiconFormProps) {
  const draft = useDraft(toText(lexicon));
  const status = useSaveStatus();
  const d = draft.value;
  const set = (change: Partial<typeof d>) => {
    draft.set({ ...draft.value, ...change });
    status.edited();
  };

  return (
    <form
      class="card"
      aria-label="Словарь команды"
      onSubmit={async (e) => {
        e.preventDefault();
        const { words, allow, domains } = draft.value;
        const input = {
          words: Object.fromEntries(CATEGORIES.map((c) => [c, lines(words[c] ?? '')]).filter(([, l]) => l.length)),
          allow: lines(allow),
          allowDomains: lines(domains),
        };
        status.report(await onSave(input), 'Словарь сохранён');
      }}
    >
      <h2>Словарь команды</h2>
      <p class="muted">
        Одно слово или фраза в строке; «*» в конце слова — любое окончание. Неверный список не сохраняется, действует прежний.
      </p>
      <div class="grid">
        {CATEGORIES.map((c) => (
          <label key={c}>
            {CATEGORY_NAMES[c]}
            <textarea
              name={`words-${c}`}
              rows={3}
              value={d.words[c]}
              onInput={(e) => set({ words: { ...draft.value.words, [c]: e.currentTarget.value } })}
            />
          </label>
        ))}
      </div>
      <label>
        Исключения (не считать нарушением)
        <textarea name="allow" rows={3} value={d.allow} onInput={(e) => set({ allow: e.currentTarget.value })} />
      </label>
      {officialDomains.length > 0 && (
        <p data-testid="official-domains" aria-describedby="managed-domains">
          Официальные сайты (ссылки на них — не реклама): {officialDomains.join(', ')} <ManagedNote id="managed-domains" />
        </p>
      )}
      <label>
        {officialDomains.length ? 'Другие разрешённые сайты' : 'Разрешённые сайты'} (ссылки на них — не реклама)
        <textarea name="allowDomains" rows={2} value={d.domains} onInput={(e) => set({ domains: e.currentTarget.value })} />
      </label>
      <Errors status={status} />
      <div class="row">
        <button type="submit">Сохранить словарь</button>
        <button type="button" onClick={onExport}>
          Выгрузить в JSON
        </button>
        <FileButton name="import" accept=".json,application/json" onText={async (text, fileName) => {
            const result = await onImport(text);
            // The file replaces the lists: what was typed and not saved gives way to it.
            if (result.ok) draft.reset();
            status.report(result, `Словарь загружен из «${fileName}»`);
          }}>
          Загрузить из JSON
        </FileButton>
        <Done status={status} />
      </div>

      <h3>Отмечено модераторами как «не нарушение»</h3>
      {allowlist.words.length + allowlist.comments.length === 0 ? (
        <p class="muted">Пока ничего.</p>
      ) : (
        <ul class="plain" data-testid="allowlist">
          {allowlist.words.map((w) => (
            <li key={`w:${w}`}>
              слово «{w}» везде{' '}
              <button type="button" class="link" onClick={() => onForget('words', w)}>
                вернуть отметки
              </button>
            </li>
          ))}
          {allowlist.comments.map((c) => (
            <li key={`c:${c}`}>
              комментарий {c}{' '}
              <button type="button" class="link" onClick={() => onForget('comments', c)}>
                вернуть отметку
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
