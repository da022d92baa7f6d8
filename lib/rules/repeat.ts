/**
 * App. 1 §16 ¶2: a message from the same author with a question answered more than once, and nothing
 * new in it, is not processed. This is a hint for the curator, never a reason to delete.
 */
import { containment, jaccard, stems } from './similarity';

export interface EarlierMessage {
  id?: string;
  text: string;
  /** Whether the administration answered it. */
  answered: boolean;
}

export interface RepeatHint {
  kind: 'repeat-without-new-arguments';
  /** The earlier message this one repeats most closely. */
  earlier: EarlierMessage;
  similarity: number;
  /** How many similar earlier messages were answered. */
  answeredCount: number;
  /** True when answered more than once: §16 ¶2 then applies. */
  noProcess: boolean;
  clause: string;
  message: string;
}

export interface RepeatOptions {
  /** Share of the new message's words already in an earlier one, 0…1. */
  minContainment?: number;
  minJaccard?: number;
}

export function repeatedQuestionHint(
  text: string,
  earlier: readonly EarlierMessage[],
  options: RepeatOptions = {},
): RepeatHint | null {
  const minContainment = options.minContainment ?? 0.7;
  const minJaccard = options.minJaccard ?? 0.4;
  const current = stems(text);
  if (current.size < 2) return null;
  let best: EarlierMessage | null = null;
  let bestScore = 0;
  let answeredCount = 0;
  for (const e of earlier) {
    const other = stems(e.text);
    const c = containment(current, other);
    const j = jaccard(current, other);
    if (c < minContainment || j < minJaccard) continue;
    if (e.answered) answeredCount++;
    const score = (c + j) / 2;
    if (e.answered && score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  if (!best) return null;
  const noProcess = answeredCount >= 2;
  return {
    kind: 'repeat-without-new-arguments',
    earlier: best,
    similarity: Math.round(bestScore * 100) / 100,
    answeredCount,
    noProcess,
    clause: 'п. 16 прил. 1, абзац второй',
    message: noProcess
      ? `Повтор без новых доводов: на этот вопрос автора уже отвечали ${answeredCount} раза. По п. 16 прил. 1 сообщение можно не обрабатывать.`
      : 'Повтор без новых доводов: на похожий вопрос автора уже отвечали. Если ответ давался неоднократно, п. 16 прил. 1 позволяет не обрабатывать.',
  };
}
