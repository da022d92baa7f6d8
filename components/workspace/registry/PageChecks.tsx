import { useSignal } from '@preact/signals';
import type { PageChecks as Checks, PageCheckState } from '@/lib/publications/page-checks';
import type { DocumentRef, PageFounding } from '@/lib/publications/store-types';

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

function doc(title: string, state: PageCheckState, ref: DocumentRef | null | undefined) {
  if (state === 'na') return null;
  return (
    <div>
      {title}:{' '}
      <span class={`badge ${state === 'ok' ? 'ok' : 'overdue'}`} data-check={title}>
        {state === 'ok' && ref ? `от ${ruDate(ref.date)} № ${ref.number}` : 'не указано'}
      </span>
    </div>
  );
}

function live(title: string, state: PageCheckState, missing: string) {
  const text = state === 'ok' ? 'есть' : state === 'missing' ? missing : 'не проверено: откройте стену страницы';
  return (
    <div>
      {title}:{' '}
      <span class={`badge ${state === 'ok' ? 'ok' : state === 'missing' ? 'overdue' : 'missing'}`} data-check={title}>
        {text}
      </span>
    </div>
  );
}

export interface PageChecksCellProps {
  entryId: string;
  checks: Checks;
  founding: PageFounding | undefined;
  today: string;
  onSave(f: PageFounding): void | Promise<void>;
}

/** §4 and §12 in a registry row: the decision and the approval (dates and numbers), the live page's description and design. */
export function PageChecksCell({ entryId, checks, founding, today, onSave }: PageChecksCellProps) {
  const open = useSignal(false);
  const v = useSignal({
    decisionDate: founding?.decision?.date ?? '',
    decisionNumber: founding?.decision?.number ?? '',
    approvalDate: founding?.approval?.date ?? '',
    approvalNumber: founding?.approval?.number ?? '',
  });
  const error = useSignal<string | null>(null);
  const set = (k: keyof typeof v.value) => (e: Event) => (v.value = { ...v.value, [k]: (e.currentTarget as HTMLInputElement).value });
  const ref = (date: string, number: string): DocumentRef | null => (date || number.trim() ? { date, number: number.trim() } : null);
  return (
    <div class="page-checks" data-testid="page-checks">
      {doc('Решение руководителя', checks.decision, founding?.decision)}
      {doc('Согласование департамента информационной политики', checks.approval, founding?.approval)}
      {live('Описание', checks.description, 'нет (п. 12)')}
      {live('Оформление', checks.design, 'нет ни обложки, ни аватара (п. 12)')}
      {checks.decision !== 'na' &&
        (open.value ? (
          <form
            class="page-checks-form"
            aria-label="Решение и согласование"
            onSubmit={async (e) => {
              e.preventDefault();
              const { decisionDate, decisionNumber, approvalDate, approvalNumber } = v.value;
              if ([decisionDate, approvalDate].some((d) => d && d > today)) return void (error.value = 'Дата не может быть позже сегодняшней');
              if ((decisionDate && !decisionNumber.trim()) || (approvalDate && !approvalNumber.trim())) return void (error.value = 'Укажите и дату, и номер');
              error.value = null;
              await onSave({ entryId, decision: ref(decisionDate, decisionNumber), approval: ref(approvalDate, approvalNumber), updatedAt: Date.now() });
              open.value = false;
            }}
          >
            <label>
              Решение: дата <input type="date" name="decisionDate" max={today} value={v.value.decisionDate} onInput={set('decisionDate')} />
            </label>
            <label>
              № <input type="text" name="decisionNumber" value={v.value.decisionNumber} onInput={set('decisionNumber')} />
            </label>
            <label>
              Согласование: дата <input type="date" name="approvalDate" max={today} value={v.value.approvalDate} onInput={set('approvalDate')} />
            </label>
            <label>
              № <input type="text" name="approvalNumber" value={v.value.approvalNumber} onInput={set('approvalNumber')} />
            </label>
            {error.value && (
              <p class="field-error" role="alert">
                {error.value}
              </p>
            )}
            <button type="submit">Сохранить</button>{' '}
            <button type="button" onClick={() => (open.value = false)}>
              Отмена
            </button>
          </form>
        ) : (
          <button type="button" class="link" onClick={() => (open.value = true)}>
            Указать решение и согласование
          </button>
        ))}
    </div>
  );
}
