// Reads the big screen's form: the round title, whether donor names show, and how many seconds each new
// name stays on the wall (whole seconds, the server's 2 to 15). A wrong number is refused here, before
// the wall is touched.

import { t } from '../../lib/i18n';
import type { ScreenSettings } from '../../lib/types';

export const NAME_SECONDS = { min: 2, max: 15 } as const;

/** What the wall shows when the state predates the setting (the server's ScreenSettings.DefaultNameSeconds). */
export const DEFAULT_NAME_SECONDS = 4;

export interface ScreenForm {
  roundTitle: string;
  showDonorNames: boolean;
  nameSeconds: string;
}

export type ScreenReading = { ok: true; settings: ScreenSettings } | { ok: false; message: string };

export function readScreen(form: ScreenForm): ScreenReading {
  const text = form.nameSeconds.normalize('NFKC').trim();
  const seconds = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= NAME_SECONDS.min && seconds <= NAME_SECONDS.max)) {
    return { ok: false, message: t('admin.nameSecondsRange', NAME_SECONDS) };
  }
  return { ok: true, settings: { roundTitle: form.roundTitle.trim(), showDonorNames: form.showDonorNames, nameSeconds: seconds } };
}
