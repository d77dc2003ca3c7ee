import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The language is module state read from localStorage, so each test loads a fresh module.
async function loadI18n() {
  vi.resetModules();
  return import('./i18n');
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('i18n', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('speaks Chinese by default', async () => {
    const { getLanguage, t } = await loadI18n();
    expect(getLanguage()).toBe('zh');
    expect(t('screen.totalLabel')).toBe('善款总额');
    expect(t('common.disconnected')).toBe('连接中断，正在重连…');
  });

  it('fills placeholders and leaves unknown ones visible', async () => {
    const { t } = await loadI18n();
    expect(t('screen.milestoneBanner', { amount: '¥1亿' })).toBe('善款突破 ¥1亿！');
    expect(t('screen.pledgeCount', { count: 12 })).toBe('共 12 笔');
    expect(t('screen.milestoneBanner')).toBe('善款突破 {amount}！');
    expect(t('screen.milestoneBanner', { other: 'x' })).toBe('善款突破 {amount}！');
  });

  it('does not expand placeholders inside the values it inserts', async () => {
    const { t } = await loadI18n();
    expect(t('operator.signedInAs', { desk: '{event}', event: 'demo' })).toBe('{event} · demo');
  });

  it('switches language, persists it and tells the listeners once', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const { setLanguage, getLanguage, onLanguageChange, t, LANGUAGE_STORAGE_KEY } = await loadI18n();
    const heard: string[] = [];
    const unsubscribe = onLanguageChange((language) => heard.push(language));

    setLanguage('en');
    setLanguage('en');
    expect(getLanguage()).toBe('en');
    expect(t('viewer.submit')).toBe('Give with love');
    expect(storage.items.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(heard).toEqual(['en']);

    unsubscribe();
    setLanguage('zh');
    expect(heard).toEqual(['en']);
    expect(t('viewer.submit')).toBe('献出爱心');
  });

  it('starts in the stored language', async () => {
    vi.stubGlobal('localStorage', memoryStorage({ 'charityday.lang': 'en' }));
    const { getLanguage, t } = await loadI18n();
    expect(getLanguage()).toBe('en');
    expect(t('screen.totalLabel')).toBe('Total raised');
  });

  it('falls back to Chinese for a stored value it does not know', async () => {
    vi.stubGlobal('localStorage', memoryStorage({ 'charityday.lang': 'fr' }));
    const { getLanguage } = await loadI18n();
    expect(getLanguage()).toBe('zh');
  });

  it('works without a usable localStorage', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    const { getLanguage, setLanguage } = await loadI18n();
    expect(getLanguage()).toBe('zh');
    setLanguage('en');
    expect(getLanguage()).toBe('en');
  });
});

describe('message tables', () => {
  it('have the same keys and the same placeholders in both languages, none empty', async () => {
    const { messages } = await loadI18n();
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    for (const [key, zh] of Object.entries(messages.zh)) {
      const en = messages.en[key as keyof typeof messages.zh];
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('carry the wording the pages rely on', async () => {
    const { messages } = await loadI18n();
    expect(messages.zh).toMatchObject({
      'channel.stage': '现场',
      'channel.online': '网络',
      'viewer.anonymous': '匿名',
      'viewer.message': '留言',
      'viewer.submit': '献出爱心',
      'viewer.thankYou': '感谢您的爱心捐赠',
      'operator.confirmTitle': '请核对金额',
      'operator.state.queued': '待发送',
      'operator.state.sending': '已发送',
      'operator.state.confirmed': '已确认',
      'operator.state.rejected': '被拒绝',
      'operator.void': '作废',
      'operator.voidReason': '作废原因',
      'donorKind.enterprise': '企业',
      'donorKind.organization': '机构',
      'donorKind.individual': '个人',
      'admin.tiers': '档位',
      'admin.milestones': '里程碑',
      'admin.desks': '录入台',
      'admin.accessCode': '访问码',
      'admin.auditAgrees': '一致',
      'admin.auditDisagrees': '不一致',
    });
  });
});
