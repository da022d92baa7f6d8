import { describe, expect, it } from 'vitest';
import traps from './data/municipal-traps.json';
import { classify } from '../../../lib/rules';

describe('municipal talk: the trap list', () => {
  it('holds at least 300 distinct words and phrases', () => {
    expect(new Set(traps).size).toBe(traps.length);
    expect(traps.length).toBeGreaterThanOrEqual(300);
  });

  it('yields no obscenity or insult on any of them, alone or all together', () => {
    const bad = traps.filter((t) =>
      classify(t).findings.some((f) => f.category === 'obscenity' || f.category === 'insult'),
    );
    expect(bad).toEqual([]);
    const together = classify(traps.join('. '));
    expect(together.findings.filter((f) => f.category === 'obscenity' || f.category === 'insult')).toEqual([]);
  });

  it('asks nothing to be deleted among the everyday phrases', () => {
    const deleted = traps.filter((t) => classify(t).verdict !== 'ok');
    expect(deleted).toEqual([]);
  });
});
