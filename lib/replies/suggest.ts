/**
 * Which saved replies fit a message: the unit's own and everyone's (never another unit's), the ones
 * of the message's topic first. Topics are free text on both sides, and the curator may give a
 * group of them («ЖКХ; отопление», App. 1 §4.2): they match part by part, and by word stems.
 */
import type { ReplyTemplate } from './schema';
import { fold } from '../text';

/** topic: the same topic; related: a shared word or one inside the other; general: a template for any topic; other: another topic. */
export type TopicMatch = 'topic' | 'related' | 'general' | 'other';

export interface Suggestion {
  template: ReplyTemplate;
  match: TopicMatch;
  /** Approved for this very unit, not for all. */
  ownDepartment: boolean;
}

const RANK: Record<TopicMatch, number> = { topic: 0, related: 1, general: 2, other: 3 };

const normalise = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A topic field as its parts: «ЖКХ; отопление» → ['жкх', 'отопление']. */
function topics(field: string | null | undefined): string[] {
  return (field ?? '')
    .split(/[,;/|\n]+/)
    .map(normalise)
    .filter(Boolean);
}

/** Russian endings change and stems stay: «отопление», «отопления», «отоплением» share «отопл». */
const STEM = 5;
/** Words of any topic («вопросы», «проблема», «жалоба»), and prepositions: they relate nothing. */
const COMMON = new Set(['вопро', 'пробл', 'жалоб', 'обращ', 'сообщ', 'для', 'при', 'над', 'под', 'без', 'или', 'после']);
function stems(topic: string): Set<string> {
  return new Set(
    topic
      .split(' ')
      .filter((w) => w.length >= 3)
      .map((w) => (w.length > STEM ? w.slice(0, STEM) : w))
      .filter((s) => !COMMON.has(s)),
  );
}

export function topicMatch(templateTopic: string, messageTopic: string | null | undefined): TopicMatch {
  const ours = topics(templateTopic);
  if (!ours.length) return 'general';
  const theirs = topics(messageTopic);
  if (ours.some((a) => theirs.includes(a))) return 'topic';
  const related = ours.some((a) =>
    theirs.some((b) => {
      if (a.includes(b) || b.includes(a)) return true;
      const sb = stems(b);
      return [...stems(a)].some((s) => sb.has(s));
    }),
  );
  return related ? 'related' : 'other';
}

const sameUnit = (a: string, b: string) => normalise(a) === normalise(b);

/** Every template the unit may use, best first: topic, then the unit's own before everyone's, then by title. */
export function suggestTemplates(
  templates: readonly ReplyTemplate[],
  message: { topic?: string | null },
  department: string,
): Suggestion[] {
  const unit = department.trim();
  return templates
    .filter((t) => !t.department.trim() || (unit !== '' && sameUnit(t.department, unit)))
    .map((template) => ({ template, match: topicMatch(template.topic, message.topic), ownDepartment: template.department.trim() !== '' }))
    .sort(
      (a, b) =>
        RANK[a.match] - RANK[b.match] ||
        Number(b.ownDepartment) - Number(a.ownDepartment) ||
        a.template.title.localeCompare(b.template.title, 'ru'),
    );
}
