/** §11's term as an intermediate reply would set it, for {дата ответа} before the reply is out. */
import { dueAfter } from '../workflow/deadlines';
import { deadlineSpan, type Importance } from '../workflow/table';
import type { WorkClock } from '../worktime/clock';

/**
 * When the final reply falls due if the intermediate one is published at `sentAt`: 7 working days
 * for normal importance; for high importance only the curator's date (null until it is set). A
 * reply published later than `sentAt` only moves the real term later, so the promise stays kept.
 */
export function finalReplyDueIfSentAt(clock: WorkClock, sentAt: number, importance: Importance, curatorDate?: number): number | null {
  return dueAfter(clock, sentAt, deadlineSpan('finalReplyDeadline', importance), curatorDate);
}
