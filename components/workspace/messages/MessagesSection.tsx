import { useSignal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { MessageRecord, MessageSummary } from '@/lib/messages/types';
import type { DeadlineReport } from '@/lib/workflow/deadlines';
import type { MessageState } from '@/lib/workflow/reducer';
import { ImportDialog, type ImportDialogProps } from './ImportDialog';
import { MessageCard, type MessageCardProps } from './MessageCard';
import { Queue, type QueueBulk, type QueueFilter, type QueueProps, type QueueSort } from './Queue';

export interface MessagesSectionProps extends ImportDialogProps {
  rows: QueueProps['rows'];
  apply: QueueProps['apply'];
  countdown: QueueProps['countdown'];
  urgency: QueueProps['urgency'];
  now: ReadonlySignal<number>;
  selectedId: Signal<string | null>;
  /** The open message, derived at `now`; null while loading or when none is open. */
  open: ReadonlySignal<{ record: MessageRecord; derived: { state: MessageState; report: DeadlineReport } } | null>;
  card: Omit<MessageCardProps, 'record' | 'derived' | 'onClose'>;
  canImport: boolean;
  /** The curator's acts on a selection of the queue; absent for other roles (no checkboxes). */
  bulk?: QueueBulk;
  /** True while a large queue shows only its soonest deadlines. */
  partial?: QueueProps['partial'];
}

/** The messages tab: the queue, the card of the open message, and the import. */
export function MessagesSection(props: MessagesSectionProps) {
  // Kept here so that the filters survive opening and closing a card.
  const filter = useSignal<QueueFilter>({ group: 'open', importance: 'all', department: '', sociallySignificant: false, search: '' });
  const sort = useSignal<QueueSort>('nextDue');
  const selection = useSignal<ReadonlySet<string>>(new Set());
  const open = props.open.value;
  if (props.selectedId.value && open) {
    return <MessageCard {...props.card} record={open.record} derived={open.derived} onClose={() => (props.selectedId.value = null)} />;
  }
  return (
    <div class="messages">
      {props.canImport && <ImportDialog inspect={props.inspect} commit={props.commit} checking={props.checking} />}
      <Queue
        rows={props.rows as ReadonlySignal<MessageSummary[] | null>}
        apply={props.apply}
        countdown={props.countdown}
        urgency={props.urgency}
        now={props.now}
        onOpen={(id) => (props.selectedId.value = id)}
        filter={filter}
        sort={sort}
        selectedId={props.selectedId}
        bulk={props.bulk}
        selection={selection}
        partial={props.partial}
        emptyHint={
          props.canImport
            ? 'Наведите курсор на комментарий на странице ВКонтакте или Одноклассников и нажмите «Зарегистрировать сообщение» — или загрузите список кнопкой «Импорт сообщений» выше.'
            : 'Сообщения регистрирует и направляет куратор. Импорт доступен куратору.'
        }
      />
    </div>
  );
}
