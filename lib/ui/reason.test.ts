import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/translate';
import { answerReason, reasonCodeOf, reasonWords } from './reason';

describe('reasonWords', () => {
  it('translates known codes in both languages', () => {
    expect(reasonWords(translator('en', 'reasons'), 'network-error')).toMatch(/network/i);
    expect(reasonWords(translator('ja', 'reasons'), 'network-error')).toBe('通信エラー（サーバーに届かなかった）');
    expect(reasonWords(translator('ja', 'reasons'), 'database-busy')).not.toMatch(/[a-z]{4}/);
  });
  it('falls back to the code itself for an unknown code, never empty', () => {
    expect(reasonWords(translator('ja', 'reasons'), 'some-new-code')).toBe('some-new-code');
    expect(reasonWords(translator('ja', 'reasons'), 'http-502')).toBe('http-502');
    expect(reasonWords(translator('en', 'reasons'), null)).toBe('');
  });
});

describe('reasonCodeOf / answerReason', () => {
  it('keeps our codes, turns browser messages into network-error', () => {
    expect(reasonCodeOf(new Error('unknown-lab'))).toBe('unknown-lab');
    expect(reasonCodeOf(new TypeError('Failed to fetch'))).toBe('network-error');
    expect(reasonCodeOf(undefined)).toBe('network-error');
  });
  it('takes the answer’s reason, or http-<status>', () => {
    expect(answerReason(503, { reason: 'database-busy' })).toBe('database-busy');
    expect(answerReason(502, {})).toBe('http-502');
    expect(answerReason(500, null)).toBe('http-500');
  });
});
