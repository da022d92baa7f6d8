import { Done, Errors, useSaveStatus, type SaveResult } from './SaveStatus';
import { useDraft } from './useDraft';
import { ManagedNote } from './Managed';
import type { Managed } from '@/lib/settings/managed';
import { CATEGORY_NAMES } from '@/lib/moderation/labels';
import { CATEGORIES } from '@/lib/rules/types';
import { ROLE_LABELS, ROLES, type StaffRole, type Settings } from '@/lib/settings/defaults';

/**
 * Who the user is, the zone, and where and what moderation flags. Saved only when valid; `settings`
 * is the stored value, taken in where the user has not edited.
 */
export function SettingsForm({ settings, managed = {}, onSave }: { settings: Settings; managed?: Managed; onSave(s: Settings): Promise<SaveResult> }) {
  const draft = useDraft(settings);
  const status = useSaveStatus();
  const d = draft.value;
  const set = (change: Partial<Settings>) => {
    draft.set({ ...draft.value, ...change });
    status.edited();
  };
  const setModeration = (change: Partial<Settings['moderation']>) => set({ moderation: { ...draft.value.moderation, ...change } });

  return (
    <form
      class="card"
      aria-label="Общие настройки"
      onSubmit={async (e) => {
        e.preventDefault();
        status.report(await onSave(draft.value), 'Сохранено');
      }}
    >
      <h2>Кто вы</h2>
      <label>
        Роль{' '}
        <select name="role" value={d.role} disabled={!!managed.role} aria-describedby={managed.role && 'managed-role'} onChange={(e) => set({ role: e.currentTarget.value as StaffRole })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {managed.role && <ManagedNote id="managed-role" />}
      </label>
      <label>
        Имя <input name="userName" value={d.userName} onInput={(e) => set({ userName: e.currentTarget.value })} />
      </label>
      <label>
        Подразделение{' '}
        <input name="department" value={d.department} disabled={!!managed.department} aria-describedby={managed.department && 'managed-department'} onInput={(e) => set({ department: e.currentTarget.value })} />
        {managed.department && <ManagedNote id="managed-department" />}
      </label>
      <label>
        Часовой пояс{' '}
        <input name="timeZone" value={d.timeZone} disabled={!!managed.timeZone} aria-describedby={managed.timeZone && 'managed-zone'} onInput={(e) => set({ timeZone: e.currentTarget.value })} />
        {managed.timeZone && <ManagedNote id="managed-zone" />}
      </label>

      <h2>Модерация</h2>
      <fieldset>
        <legend>Что отмечать</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="inline">
            <input
              type="checkbox"
              name={`category-${c}`}
              checked={d.moderation.categories[c]}
              onChange={(e) => setModeration({ categories: { ...d.moderation.categories, [c]: e.currentTarget.checked } })}
            />{' '}
            {CATEGORY_NAMES[c]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Где отмечать</legend>
        <label class="inline">
          <input type="radio" name="scope" checked={d.moderation.scope === 'everywhere'} onChange={() => setModeration({ scope: 'everywhere' })} /> На
          всех страницах ВКонтакте и Одноклассников
        </label>
        <label class="inline">
          <input type="radio" name="scope" checked={d.moderation.scope === 'registry'} onChange={() => setModeration({ scope: 'registry' })} /> Только
          на страницах из реестра и отмеченных «Я модерирую эту страницу»
        </label>
      </fieldset>
      {d.moderation.moderatedPages.length > 0 && (
        <div>
          <p class="muted">Отмеченные страницы:</p>
          <ul class="plain">
            {d.moderation.moderatedPages.map((p) => (
              <li key={p}>
                {p}{' '}
                <button type="button" class="link" onClick={() => setModeration({ moderatedPages: d.moderation.moderatedPages.filter((x) => x !== p) })}>
                  убрать
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Errors status={status} />
      <button type="submit">Сохранить</button> <Done status={status} />
    </form>
  );
}
