// What the admin typed in the create and edit forms, read as the server will store it: the request
// body, or which field is wrong and why. No DOM: the forms hand their text in.

import { parseAmountList, type AmountListResult } from '../../lib/api';
import { t } from '../../lib/i18n';
import { DEFAULT_MAX_AMOUNT_FEN, parseAmountInput } from '../../lib/money';
import { NO_CAP, exactAmount, shortAmount } from './amounts';

export interface EventSetup {
  title: string;
  goalFen: number;
  tiersFen: number[];
  milestonesFen: number[];
}

export interface SetupText {
  title: string;
  goal: string;
  tiers: string;
  milestones: string;
}

export type SetupField = 'goal' | 'tiers' | 'milestones';

export type SetupReading = { ok: true; setup: EventSetup } | { ok: false; field: SetupField; message: string };

/** A line under a box: what it will store, or what is wrong; empty for an empty box. */
export interface Preview {
  text: string;
  tone: 'ok' | 'error';
}

function listError(result: AmountListResult & { ok: false }): string {
  return t('admin.listItemError', { item: result.item, error: t(result.error.error, { max: shortAmount(DEFAULT_MAX_AMOUNT_FEN) }) });
}

/** Tiers (capped like a pledge) or milestones (no cap). */
export function previewList(text: string, maxFen?: number): Preview {
  const result = parseAmountList(text, maxFen);
  if (!result.ok) return { text: listError(result), tone: 'error' };
  return { text: result.fen.length === 0 ? '' : `→ ${result.fen.map(shortAmount).join(' · ')}`, tone: 'ok' };
}

export function previewAmount(text: string): Preview {
  if (text.trim() === '') return { text: '', tone: 'ok' };
  const parsed = parseAmountInput(text, NO_CAP);
  return parsed.ok
    ? { text: t('admin.amountPreview', { full: exactAmount(parsed.fen), short: shortAmount(parsed.fen) }), tone: 'ok' }
    : { text: t(parsed.error), tone: 'error' };
}

/** The body of create and update, or the first field to fix. */
export function readSetup(text: SetupText): SetupReading {
  const goal = parseAmountInput(text.goal, NO_CAP);
  if (!goal.ok) return { ok: false, field: 'goal', message: `${t('admin.goal')}: ${t(goal.error)}` };
  const tiers = parseAmountList(text.tiers);
  if (!tiers.ok) return { ok: false, field: 'tiers', message: `${t('admin.tiers')}: ${listError(tiers)}` };
  const milestones = parseAmountList(text.milestones, NO_CAP);
  if (!milestones.ok) return { ok: false, field: 'milestones', message: `${t('admin.milestones')}: ${listError(milestones)}` };
  return { ok: true, setup: { title: text.title.trim(), goalFen: goal.fen, tiersFen: tiers.fen, milestonesFen: milestones.fen } };
}
