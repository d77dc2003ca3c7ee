// The server titles its problems Chinese first with the English in brackets: "活动不存在 (event not
// found)". In English the console shows only the bracketed English, so no Chinese is left on screen.

import type { Language } from '../../lib/i18n';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;
// A run with Chinese in it, from the start or a separator (—, ·, :), then " (english)": the run
// is replaced by the English.
const BILINGUAL = /(^|[—·:]\s*)([^()（）—·:]*?[\u3400-\u9fff][^()（）—·:]*?)\s*\(([^()]*[A-Za-z][^()]*)\)/gu;

/** The text as the operator should read it in `language`; `fallback` when no English can be found. */
export function serverText(text: string, language: Language, fallback: string): string {
  if (language === 'zh' || !CJK.test(text)) {
    return text;
  }
  const english = text.replace(BILINGUAL, (_match, lead: string, _chinese: string, inner: string) => lead + inner.trim());
  return CJK.test(english) ? fallback : english.trim();
}
