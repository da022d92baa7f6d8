import type { WorktimeSettings } from '@/lib/worktime/schedule';
import { Done, Errors, useSaveStatus, type SaveResult } from './SaveStatus';
import { useDraft } from './useDraft';
import { FileButton } from '../shared/FileButton';
import { ManagedNote } from './Managed';

const DAYS = [
  ['mon', 'Понедельник'],
  ['tue', 'Вторник'],
  ['wed', 'Среда'],
  ['thu', 'Четверг'],
  ['fri', 'Пятница'],
  ['sat', 'Суббота'],
  ['sun', 'Воскресенье'],
] as const;

type Week = WorktimeSettings['week'];

export interface WorktimeFormProps {
  worktime: WorktimeSettings;
  /** Years of the production calendar the extension knows, built in and added. */
  years: number[];
  onSave(patch: Partial<WorktimeSettings>): Promise<SaveResult>;
  onAddYear(text: string): Promise<{ ok: true; year: number } | { ok: false; errors: string[] }>;
  /** The organisation set the schedule by policy: shown, not edited (the calendar's years can still be added). */
  locked?: boolean;
}

/** The schedule as the form edits it: minutes as typed, checked when saved. */
const toForm = (w: WorktimeSettings) => ({ week: w.week, lunch: w.lunch, shortened: String(w.shortenedByMinutes), decree: w.decreeNonWorkingDays });
type FormValue = ReturnType<typeof toForm>;

/** Working hours and the production calendar: every deadline of App. 1 counts in this time (§2.2). */
export function WorktimeForm({ worktime, years, onSave, onAddYear, locked = false }: WorktimeFormProps) {
  const draft = useDraft(toForm(worktime));
  const status = useSaveStatus();
  const { week, lunch, shortened, decree } = draft.value;
  const set = (change: Partial<FormValue>) => {
    draft.set({ ...draft.value, ...change });
    status.edited();
  };
  const setDay = (day: keyof Week, value: Week[keyof Week]) => set({ week: { ...draft.value.week, [day]: value } });
  const setLunch = (value: FormValue['lunch']) => set({ lunch: value });

  return (
    <form
      class="card"
      aria-label="Рабочее время"
      onSubmit={async (e) => {
        e.preventDefault();
        const d = draft.value;
        const minutes = Number(d.shortened);
        const result = await onSave({
          week: d.week,
          lunch: d.lunch,
          shortenedByMinutes: Number.isInteger(minutes) ? minutes : -1,
          decreeNonWorkingDays: d.decree,
        });
        status.report(result, 'Рабочее время сохранено');
      }}
    >
      <h2>Рабочее время{locked && <ManagedNote id="managed-schedule" />}</h2>
      <p class="muted">Сроки приложения 1 считаются в рабочем времени (п. 2.2) по производственному календарю.</p>
      <fieldset class="plain" disabled={locked} aria-describedby={locked ? 'managed-schedule' : undefined}>
      <table class="hours">
        <tbody>
          {DAYS.map(([key, label]) => {
            const day = week[key];
            return (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>
                  <label class="inline">
                    <input type="checkbox" name={`${key}-on`} checked={day !== null} onChange={(e) => setDay(key, e.currentTarget.checked ? { start: '08:30', end: '17:45' } : null)} />{' '}
                    рабочий
                  </label>
                </td>
                <td>
                  {day && (
                    <>
                      <input aria-label={`${label}: начало`} name={`${key}-start`} value={day.start} size={5} onInput={(e) => setDay(key, { ...day, start: e.currentTarget.value })} />
                      {' – '}
                      <input aria-label={`${label}: конец`} name={`${key}-end`} value={day.end} size={5} onInput={(e) => setDay(key, { ...day, end: e.currentTarget.value })} />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">Обед</th>
            <td>
              <label class="inline">
                <input type="checkbox" name="lunch-on" checked={lunch !== null} onChange={(e) => setLunch(e.currentTarget.checked ? { start: '13:00', end: '14:00' } : null)} /> есть
              </label>
            </td>
            <td>
              {lunch && (
                <>
                  <input aria-label="Обед: начало" name="lunch-start" value={lunch.start} size={5} onInput={(e) => setLunch({ ...lunch, start: e.currentTarget.value })} />
                  {' – '}
                  <input aria-label="Обед: конец" name="lunch-end" value={lunch.end} size={5} onInput={(e) => setLunch({ ...lunch, end: e.currentTarget.value })} />
                </>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <label>
        Предпраздничный день короче на, минут{' '}
        <input name="shortenedByMinutes" value={shortened} size={4} onInput={(e) => set({ shortened: e.currentTarget.value })} />
      </label>
      <label class="inline">
        <input type="checkbox" name="decree" checked={decree} onChange={(e) => set({ decree: e.currentTarget.checked })} /> Нерабочие дни по указам
        Президента 2020–2021 года останавливают сроки
      </label>
      <Errors status={status} />
      {!locked && (
        <div class="row">
          <button type="submit">Сохранить рабочее время</button>
          <Done status={status} />
        </div>
      )}
      </fieldset>
      <h3>Производственный календарь</h3>
      <p class="muted" data-testid="calendar-years">
        Есть годы: {years.join(', ')}. Для следующего года загрузите его файл (JSON в том же виде, что встроенные).
      </p>
      <FileButton
        name="calendar-year"
        accept=".json,application/json"
        onText={async (text, fileName) => {
          const r = await onAddYear(text);
          if (r.ok) status.report(r, `Добавлен ${r.year} год`);
          else status.report({ ok: false, errors: [`Календарь из «${fileName}» не добавлен:`, ...r.errors] }, '');
        }}
      >
        Добавить год календаря
      </FileButton>
    </form>
  );
}
