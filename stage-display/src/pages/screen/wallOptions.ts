// How a wall is set up from its address, so a screen PC boots straight into the show:
// `?kiosk=1` (no language buttons, no cursor, no scrollbars), `lang=en|zh` (the language without
// buttons), `digits=full` (every digit of the total, for rehearsals and tests).

import type { Language } from '../../lib/i18n';

export interface WallOptions {
  kiosk: boolean;
  language: Language | null;
  fullDigits: boolean;
}

export function wallOptionsFrom(search: string): WallOptions {
  const query = new URLSearchParams(search);
  const lang = query.get('lang');
  return {
    kiosk: ['1', 'true', 'yes'].includes(query.get('kiosk') ?? ''),
    language: lang === 'en' || lang === 'zh' ? lang : null,
    fullDigits: query.get('digits') === 'full',
  };
}
