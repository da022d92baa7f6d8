/** The zod schema of a registry entry: every write and every import goes through it. */
import { z } from 'zod';
import { isIsoDate, REGISTRY_KINDS, REGISTRY_SITES, urlProblem, type RegistryEntry, type RegistryField } from './entry';

export * from './entry';

const isoDate = (what: string) =>
  z
    .string({ error: `${what} должна быть датой` })
    .refine(isIsoDate, { error: `${what} должна быть в виде ГГГГ-ММ-ДД` })
    .nullable();

const required = (what: string, message: string, max: number) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `${what} — не длиннее ${max} символов` });

export const registryEntrySchema = z
  .object({
    id: required('идентификатор записи', 'нет идентификатора записи', 100),
    site: z.enum(REGISTRY_SITES, { error: 'сайт должен быть «ВКонтакте» или «Одноклассники»' }),
    url: z
      .string({ error: 'укажите адрес страницы' })
      .trim()
      .min(1, { error: 'укажите адрес страницы' })
      .superRefine((url, ctx) => {
        const problem = urlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ownerId: z
      .string({ error: 'идентификатор владельца должен быть строкой' })
      .trim()
      .regex(/^-?\d+$/, { error: 'идентификатор владельца — целое число, например -123456' })
      .nullable(),
    name: required('название', 'укажите название страницы', 300),
    kind: z.enum(REGISTRY_KINDS, { error: 'тип должен быть «администрация» или «подразделение»' }),
    department: z.string({ error: 'подразделение должно быть строкой' }).trim().max(300, { error: 'подразделение — не длиннее 300 символов' }),
    responsible: required('ответственный', 'укажите ответственного', 300),
    twoFactorConfirmedAt: isoDate('дата подтверждения двухфакторной аутентификации'),
    adminsReviewedAt: isoDate('дата проверки списка администраторов'),
    weeklyTarget: z
      .number({ error: 'публикаций в неделю — целое число больше нуля' })
      .int({ error: 'публикаций в неделю — целое число больше нуля' })
      .min(1, { error: 'публикаций в неделю — целое число больше нуля' })
      .max(1000, { error: 'публикаций в неделю — не больше 1000' })
      .optional(),
    notes: z.string({ error: 'примечания должны быть текстом' }).max(2000, { error: 'примечания — не длиннее 2000 символов' }).default(''),
  }, { error: 'запись должна быть объектом с полями страницы' })
  // Runs only once every field is valid on its own: these rules tie two fields together.
  .superRefine((e, ctx) => {
    const problem = urlProblem(e.url, e.site);
    if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
    if (e.kind === 'department' && e.department === '') {
      ctx.addIssue({ code: 'custom', path: ['department'], message: 'укажите подразделение, которое ведёт страницу' });
    }
  });

// The hand-written interface and the schema must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesEntry: Same<z.output<typeof registryEntrySchema>, RegistryEntry> = true;
void schemaMatchesEntry;

/** Field errors in Russian, one message per field (the first), keyed by field name. */
export type FieldErrors = Partial<Record<RegistryField, string>>;

export function validateEntry(input: unknown): { ok: true; entry: RegistryEntry } | { ok: false; errors: FieldErrors } {
  const r = registryEntrySchema.safeParse(input);
  if (r.success) return { ok: true, entry: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = (issue.path[0] ?? 'id') as RegistryField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

