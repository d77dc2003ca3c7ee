// What the donor fills in on the phone, and how it becomes the content of an order: the preset or
// typed amount (exact fen, within the online cap), the name unless anonymous, the optional 留言.

import type { DonationContent } from '../../lib/donationOrder';
import type { MessageKey } from '../../lib/i18n';
import { formatFullDigits, parseAmountInput } from '../../lib/money';

const PRESETS_FEN = [20_00, 50_00, 100_00, 200_00, 500_00, 1_000_00];
/** Event tiers are for the stage (10万 and up); a phone only offers them when they are this small. */
const SMALL_TIER_FEN = 10_000_00;
/** The server's default cap of one online gift (`Payments:MaxAmountFen`, 5万元); the server has the last word. */
export const ONLINE_MAX_FEN = 5_000_000;
/** As the server validates them (InputRules.NameMaxLength / NoteMaxLength), in UTF-16 units like `maxlength`. */
export const NAME_MAX = 64;
export const MESSAGE_MAX = 200;

export interface GiveForm {
  presetFen: number | null;
  amountText: string;
  name: string;
  anonymous: boolean;
  message: string;
}

export const emptyForm: Readonly<GiveForm> = { presetFen: null, amountText: '', name: '', anonymous: false, message: '' };

/** A message for the donor, said in the page's language when drawn. */
export interface GiveNotice {
  key: MessageKey;
  params?: Readonly<Record<string, string | number>>;
  /** The retry button re-sends the same order (same id, same content). */
  canRetry: boolean;
}

/** The phone's preset amounts: the event's tiers when they suit a phone, else small fixed ones. */
export function presetAmounts(tiersFen: readonly number[]): number[] {
  const small = tiersFen.length >= 3 && tiersFen.every((fen) => fen <= SMALL_TIER_FEN);
  return small ? [...tiersFen].sort((a, b) => a - b).slice(0, 6) : PRESETS_FEN;
}

/** The amount the donor would give now, or null while there is none (or what is typed is not one). */
export function chosenAmountFen(form: Readonly<GiveForm>): number | null {
  if (form.amountText.trim() === '') {
    return form.presetFen;
  }
  const parsed = parseAmountInput(form.amountText, ONLINE_MAX_FEN);
  return parsed.ok ? parsed.fen : null;
}

/** The order's content, or what the donor has to put right first. */
export function readForm(form: Readonly<GiveForm>): { content: DonationContent } | { error: GiveNotice } {
  let amountFen = form.presetFen;
  if (form.amountText.trim() !== '' || amountFen === null) {
    const parsed = parseAmountInput(form.amountText, ONLINE_MAX_FEN);
    if (!parsed.ok) {
      return { error: { key: parsed.error, params: { max: formatFullDigits(ONLINE_MAX_FEN) }, canRetry: false } };
    }
    amountFen = parsed.fen;
  }
  const { anonymous } = form;
  const name = form.name.trim();
  if (!anonymous && name === '') {
    return { error: { key: 'viewer.nameRequired', canRetry: false } };
  }
  const message = form.message.trim();
  return { content: { amountFen, anonymous, ...(anonymous ? {} : { donorName: name }), ...(message ? { message } : {}) } };
}

export function sameContent(a: DonationContent, b: DonationContent): boolean {
  return a.amountFen === b.amountFen && a.anonymous === b.anonymous && a.donorName === b.donorName && a.message === b.message;
}
