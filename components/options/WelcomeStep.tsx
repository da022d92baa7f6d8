import { useSignal } from '@preact/signals';
import { ROLE_LABELS, ROLES, type StaffRole, type Settings } from '@/lib/settings/defaults';
import { Errors, useSaveStatus, type SaveResult } from './SaveStatus';
import { ManagedNote } from './Managed';
import type { Managed } from '@/lib/settings/managed';

/** What each role does with Otklik, in a line (DESIGN.md, «Who uses it»). */
export const ROLE_HINTS: Record<StaffRole, string> = {
  moderator: 'просматриваю комментарии на официальных страницах и удаляю нарушения',
  curator: 'регистрирую сообщения граждан, направляю исполнителям, согласовываю ответы',
  executor: 'готовлю ответы на сообщения, направленные моему подразделению',
  owner: 'веду официальную страницу: публикации за неделю и защита страницы',
};

/** The administrations' zones a user is likely to need; any other IANA zone can be typed. */
const RUSSIAN_ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
];

/**
 * The first run: who the user is, in one step. The role is chosen, not assumed — it decides where the
 * side panel opens and what it offers. Saving marks the step done.
 */
export function WelcomeStep({ settings, managed = {}, onSave }: { settings: Settings; managed?: Managed; onSave(s: Settings): Promise<SaveResult> }) {
  // A role the organisation set is the answer already; otherwise it is chosen, not assumed.
  const role = useSignal<StaffRole | null>(managed.role ?? null);
  const userName = useSignal(settings.userName);
  const department = useSignal(settings.department);
  const timeZone = useSignal(settings.timeZone);
  const status = useSaveStatus();
  const busy = useSignal(false);

  return (
    <form
      class="card welcome"
      aria-label="Кто вы?"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!role.value) {
          status.report({ ok: false, errors: ['роль: выберите, кем вы работаете'] }, '');
          return;
        }
        busy.value = true;
        const result = await onSave({
          ...settings,
          role: role.value,
          userName: userName.value.trim(),
          department: department.value.trim(),
          timeZone: timeZone.value.trim(),
          onboarded: true,
        });
        busy.value = false;
        status.report(result, 'Сохранено');
      }}
    >
      <h2>Кто вы?</h2>
      <p class="muted">Отклик покажет то, что нужно для вашей работы. Всё это можно поменять потом в настройках.</p>
      <fieldset disabled={!!managed.role} aria-describedby={managed.role && 'welcome-managed-role'}>
        <legend>Роль{managed.role && <ManagedNote id="welcome-managed-role" />}</legend>
        {ROLES.map((r) => (
          <label key={r}>
            <input type="radio" name="role" value={r} checked={role.value === r} onChange={() => (role.value = r)} /> <strong>{ROLE_LABELS[r]}</strong>
            <span class="muted"> — {ROLE_HINTS[r]}</span>
          </label>
        ))}
      </fieldset>
      <label>
        Имя{' '}
        <input name="userName" value={userName} autocomplete="name" aria-describedby="welcome-name-hint" onInput={(e) => (userName.value = e.currentTarget.value)} />
      </label>
      <p class="muted hint" id="welcome-name-hint">
        Так вас увидят в журнале модерации и в истории сообщений.
      </p>
      <label>
        Подразделение{' '}
        <input
          name="department"
          value={managed.department ?? department.value}
          disabled={!!managed.department}
          aria-describedby={managed.department ? 'welcome-managed-department' : 'welcome-department-hint'}
          onInput={(e) => (department.value = e.currentTarget.value)}
        />
        {managed.department && <ManagedNote id="welcome-managed-department" />}
      </label>
      <p class="muted hint" id="welcome-department-hint">
        Исполнителю — так, как его пишет куратор, направляя сообщения.
      </p>
      <label>
        Часовой пояс{' '}
        <input
          name="timeZone"
          value={managed.timeZone ?? timeZone.value}
          list="otklik-zones"
          disabled={!!managed.timeZone}
          aria-describedby={managed.timeZone ? 'welcome-managed-zone' : 'welcome-zone-hint'}
          onInput={(e) => (timeZone.value = e.currentTarget.value)}
        />
        {managed.timeZone && <ManagedNote id="welcome-managed-zone" />}
      </label>
      <p class="muted hint" id="welcome-zone-hint">
        Сроки и время показываются в поясе администрации.
      </p>
      <datalist id="otklik-zones">
        {RUSSIAN_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <Errors status={status} />
      <button type="submit" disabled={busy.value}>
        Сохранить и начать
      </button>
    </form>
  );
}
