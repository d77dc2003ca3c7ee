// The donor as the console lists them: name (or the stand-in), kind, anonymous, representative,
// note. Text only, so a name that looks like markup stays text (invariant 8).

import { el } from '../../lib/dom';
import { clockTime } from '../../lib/clock';
import { t } from '../../lib/i18n';
import type { DonorKind } from '../../lib/types';

export interface DonorFacts {
  donorName: string;
  donorKind: DonorKind;
  anonymous: boolean;
  representative?: string | null;
  note?: string | null;
}

export function donorName(name: string): string {
  return name || t('operator.anonymousDonor');
}

export function donorParts(donor: DonorFacts, nameTestId?: string): Node[] {
  const parts: Node[] = [el('strong', { class: 'donor-name', testid: nameTestId, text: donorName(donor.donorName) })];
  parts.push(el('span', { class: 'tag', text: t(`donorKind.${donor.donorKind}`) }));
  if (donor.anonymous) parts.push(el('span', { class: 'tag tag-anon', text: t('operator.anonymous') }));
  if (donor.representative) parts.push(el('span', { class: 'muted', text: t('operator.representativeOf', { name: donor.representative }) }));
  if (donor.note) parts.push(el('span', { class: 'muted', text: `· ${donor.note}` }));
  return parts;
}

/** The time of day of a server timestamp, 24-hour, in the event's time zone (lib/clock.ts). */
export function clock(iso: string): string {
  return clockTime(iso);
}
