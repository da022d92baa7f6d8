import { classify, type Category, type ClassifyOptions } from '../../../lib/rules';

/** Categories flagged with a confidence that changes the verdict. */
export function flagged(text: string, options?: ClassifyOptions): Set<Category> {
  return new Set(classify(text, options).findings.filter((f) => f.confidence >= 0.5).map((f) => f.category));
}
