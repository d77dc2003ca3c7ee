import { describe, expect, it } from 'vitest';
import { serverText } from './serverText';

describe('serverText', () => {
  it('keeps the whole text in Chinese', () => {
    expect(serverText('活动不存在 (event not found)', 'zh', 'x')).toBe('活动不存在 (event not found)');
  });

  it('keeps only the English in English', () => {
    expect(serverText('活动已结束，只有管理员可以作废 (the event is closed; only the admin may void)', 'en', 'x'))
      .toBe('the event is closed; only the admin may void');
    expect(serverText('输入有误，未做任何记录 (invalid input; nothing was recorded) — Pledge amount: 金额超过单笔上限 ¥1,000 (exceeds the single-gift cap of ¥1,000) · Note: 必填 (required)', 'en', 'x'))
      .toBe('invalid input; nothing was recorded — Pledge amount: exceeds the single-gift cap of ¥1,000 · Note: required');
  });

  it('leaves English alone and falls back when no English is given', () => {
    expect(serverText('Too many requests', 'en', 'x')).toBe('Too many requests');
    expect(serverText('捐赠方类型须为 enterprise、organization 或 individual', 'en', 'fallback')).toBe('fallback');
  });
});
