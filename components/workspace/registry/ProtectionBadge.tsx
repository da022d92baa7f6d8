import { DAYS, plural } from '@/lib/i18n/plural';
import type { CheckStatus } from '@/lib/registry/protection';

function ruDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const NAMES = {
  twoFactor: { done: 'подтверждена', never: 'не подтверждена', title: 'Двухфакторная аутентификация' },
  admins: { done: 'проверен', never: 'не проверялся', title: 'Список администраторов' },
} as const;

/** One checklist item: when it was last done and whether that is too long ago. */
export function ProtectionBadge({ item, status, maxAgeDays }: { item: keyof typeof NAMES; status: CheckStatus; maxAgeDays: number }) {
  const n = NAMES[item];
  let text: string;
  if (status.state === 'missing') text = status.date ? `${n.never}: дата ${ruDate(status.date)} позже сегодняшней` : n.never;
  else {
    const ago = status.daysSince === 0 ? 'сегодня' : `${plural(status.daysSince!, DAYS)} назад`;
    text = `${n.done} ${ruDate(status.date!)} (${ago})`;
    if (status.state === 'overdue') text = `просрочено: ${text}, нужно не реже раза в ${plural(maxAgeDays, DAYS)}`;
  }
  return (
    <span class={`badge ${status.state}`} data-check={item} title={n.title}>
      {text}
    </span>
  );
}
