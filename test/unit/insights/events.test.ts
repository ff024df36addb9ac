import { describe, expect, it } from 'vitest';
import { bestSimilarity, validateEvent, type InsightEvent } from '../../../src/domain/insights/index.js';

const tenantId = '11111111-1111-4111-8111-111111111111';
const conversationId = '22222222-2222-4222-8222-222222222222';

describe('insight events', () => {
  it.each<[string, InsightEvent]>([
    ['a chat turn', { kind: 'chat_turn', tenantId, conversationId, locale: 'zh-CN', mode: 'offline', bestSimilarity: 0.31 }],
    ['a fixed answer that did not retrieve', { kind: 'chat_turn', tenantId, conversationId, locale: 'en', mode: 'fixed', bestSimilarity: null }],
    ['a booking step', { kind: 'booking_step', tenantId, step: 'slot_taken' }],
    ['a compliance check', { kind: 'compliance_check', tenantId, verdict: 'block', categories: ['absolute_claim', 'absolute_claim'], productType: 'infant_formula', channel: 'xiaohongshu_note', market: 'CN' }],
    ['a submission', { kind: 'review_decision', tenantId, draftId: 'd1', decision: 'submit' }],
    ['a stage decision', { kind: 'review_decision', tenantId, draftId: 'd1', decision: 'reject', stage: 'compliance' }],
  ])('accepts %s', (_name, e) => {
    expect(validateEvent(e)).toEqual([]);
  });

  it.each<[string, InsightEvent, string]>([
    ['a tenant that is not a uuid', { kind: 'booking_step', tenantId: 'acme', step: 'offered' }, 'tenantId'],
    ['an unknown mode', { kind: 'chat_turn', tenantId, conversationId, locale: 'en', mode: 'magic' as never, bestSimilarity: 0.5 }, 'mode'],
    ['a similarity that is not a number', { kind: 'chat_turn', tenantId, conversationId, locale: 'en', mode: 'offline', bestSimilarity: Number.NaN }, 'bestSimilarity'],
    ['an unknown category', { kind: 'compliance_check', tenantId, verdict: 'review', categories: ['rude' as never] }, 'categories'],
    ['an unknown channel', { kind: 'compliance_check', tenantId, verdict: 'pass', categories: [], channel: 'myspace' }, 'channel'],
    ['an unknown product type', { kind: 'compliance_check', tenantId, verdict: 'pass', categories: [], productType: 'rocket' }, 'productType'],
    ['a decision without its stage', { kind: 'review_decision', tenantId, draftId: 'd1', decision: 'approve' }, 'stage'],
    ['an unknown step', { kind: 'booking_step', tenantId, step: 'paid' as never }, 'step'],
  ])('refuses %s', (_name, e, field) => {
    expect(validateEvent(e).map((x) => x.field)).toContain(field);
  });

  it('takes the best similarity of a retrieval, 0 when nothing came back', () => {
    expect(bestSimilarity([{ similarity: 0.2 }, { similarity: 0.35 }, { similarity: 0.1 }])).toBe(0.35);
    expect(bestSimilarity([])).toBe(0);
    expect(bestSimilarity([{ similarity: Number.NaN }, { similarity: 0.05 }])).toBe(0.05);
  });
});
