import { describe, expect, it } from 'vitest';
import { DEADLINE_TABLE, DEADLINE_NAMES, TRANSITIONS } from '../../../lib/workflow';

describe('the decree deadline table (DESIGN.md «The clock»)', () => {
  it('reads whole, clause by clause, normal and high importance', () => {
    const rows = DEADLINE_NAMES.map((name) => {
      const r = DEADLINE_TABLE[name];
      return [name, r.clause, r.from, r.normal, r.high];
    });
    expect(rows).toEqual([
      ['routeDeadline', '4.4', 'received', { minutes: 30 }, { minutes: 30 }],
      ['returnDeadline', '5', 'routed', { minutes: 30 }, { minutes: 30 }],
      ['draftDeadline', '7', 'received', { minutes: 300 }, { minutes: 120 }],
      ['replyDeadline', '6', 'received', { minutes: 540 }, { minutes: 240 }],
      ['approvalDeadline', '8', 'draftSubmitted', { minutes: 30 }, { minutes: 30 }],
      ['revisionDeadline', '9', 'draftReturned', { minutes: 60 }, { minutes: 30 }],
      ['publicationDeadline', '10', 'draftApproved', { minutes: 30 }, { minutes: 30 }],
      ['finalReplyDeadline', '11', 'intermediatePublished', { workingDays: 7 }, { setByCurator: true }],
      ['coExecutorInformationDeadline', '12.4', 'routed', { minutes: 120 }, { minutes: 45 }],
      ['jointDraftDeadline', '12.5', 'informationReceived', { minutes: 120 }, { minutes: 45 }],
    ]);
  });

  it('§7 is 4 h (high: 2 h) before §6', () => {
    const span = (name: 'draftDeadline' | 'replyDeadline', imp: 'normal' | 'high') => (DEADLINE_TABLE[name][imp] as { minutes: number }).minutes;
    expect(span('replyDeadline', 'normal') - span('draftDeadline', 'normal')).toBe(240);
    expect(span('replyDeadline', 'high') - span('draftDeadline', 'high')).toBe(120);
  });

  it('every deadline and transition carries a Russian title', () => {
    for (const r of Object.values(DEADLINE_TABLE)) expect(r.title).toMatch(/[а-яё]/i);
    for (const t of Object.values(TRANSITIONS)) expect(t.title).toMatch(/[а-яё]/i);
  });
});
