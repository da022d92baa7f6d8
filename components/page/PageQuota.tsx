import type { ReadonlySignal } from '@preact/signals-core';
import { useValue } from '../shared/useValue';
import type { QuotaModel } from '@/lib/content/features/quota';
import type { PageInfo } from '@/lib/sites/types';
import { AddToRegistryOffer } from './AddToRegistryOffer';
import { WeeklyQuotaPanel } from './WeeklyQuotaPanel';

/** The panel's part about the page itself: its week of publications, or the offer to register it. */
export function PageQuota({ model, page, now }: { model: QuotaModel; page: ReadonlySignal<PageInfo | null>; now: () => number }) {
  const status = useValue(model.status);
  const notice = useValue(model.notice);
  const current = useValue(page);
  if (!status) return null;
  return (
    <div class="page-quota">
      {status.registered && status.summary ? (
        <WeeklyQuotaPanel summary={status.summary} now={now()} />
      ) : (
        !status.registered && <AddToRegistryOffer pageName={current?.name ?? null} onAdd={() => void model.addToRegistry()} />
      )}
      {notice && <p class="muted">{notice}</p>}
    </div>
  );
}
