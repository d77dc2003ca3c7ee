import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n';
import type { WallItem } from './feedScheduler';
import { donorLabel } from './wallText';

function item(displayName: string, donorKind: WallItem['donorKind'], nameHidden?: boolean): WallItem {
  return { pledgeId: 'p', displayName, amountFen: 100, channel: 'stage', donorKind, recordedAt: '2026-12-01T12:00:00Z', nameHidden: nameHidden ?? false, message: null };
}

describe('donorLabel', () => {
  afterEach(() => setLanguage('zh'));

  it('says a stand-in by the donor kind in English', () => {
    setLanguage('en');
    expect(donorLabel(item('爱心人士', 'individual', true))).toBe('Anonymous donor');
    expect(donorLabel(item('爱心企业', 'enterprise', true))).toBe('A caring company');
    expect(donorLabel(item('爱心单位', 'organization', true))).toBe('A caring organisation');
  });

  it('keeps a real name in English, and the server’s stand-in in Chinese', () => {
    setLanguage('en');
    expect(donorLabel(item('宏达实业集团', 'enterprise'))).toBe('宏达实业集团');
    setLanguage('zh');
    expect(donorLabel(item('爱心企业', 'enterprise', true))).toBe('爱心企业');
  });

  it('never shows an empty name', () => {
    expect(donorLabel(item('  ', 'individual'))).toBe('爱心人士');
  });
});
