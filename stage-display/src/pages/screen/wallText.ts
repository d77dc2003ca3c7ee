// The words and amounts a wall writes for the live state, in the current language. A stand-in name
// (爱心人士 / 爱心企业 / 爱心单位, sent when the donor's name must not show) is the server's Chinese
// text: in English the wall says it from the donor kind instead.

import { getLanguage, t } from '../../lib/i18n';
import type { DonorKind } from '../../lib/types';
import type { WallItem } from './feedScheduler';

const STAND_IN: Readonly<Record<DonorKind, 'screen.standIn.individual' | 'screen.standIn.enterprise' | 'screen.standIn.organization'>> = {
  individual: 'screen.standIn.individual',
  enterprise: 'screen.standIn.enterprise',
  organization: 'screen.standIn.organization',
};

/** The name a feed line shows: the donor's, or a stand-in in the wall's language. */
export function donorLabel(item: WallItem): string {
  const name = item.displayName.trim();
  if (item.nameHidden === true && getLanguage() === 'en') {
    return t(STAND_IN[item.donorKind] ?? 'screen.standIn.individual');
  }
  return name || t(STAND_IN[item.donorKind] ?? 'screen.standIn.individual');
}
