// The read-back before a pledge is stored. From 1000万 up, reading is not enough: a slipped zero
// there moves the total by tens of millions on live television, so the operator types the amount's
// first digit again, which they can only do by looking at it.

import type { PledgeBody } from '../../lib/api';

/** 1000万元: the top tier on stage, where the stronger check starts. */
export const LARGE_PLEDGE_FEN = 1_000_000_000;

export type ConfirmationProblem = { kind: 'wrongDigit' } | { kind: 'storage'; reason: string };

export interface Confirmation {
  readonly body: PledgeBody;
  /** True when the first digit must be typed again before the pledge is stored. */
  readonly digitCheck: boolean;
  readonly problem?: ConfirmationProblem;
}

export function openConfirmation(body: PledgeBody): Confirmation {
  return { body, digitCheck: body.amountFen >= LARGE_PLEDGE_FEN };
}

/** The first digit of the amount in yuan: `1` for 1000万, `2` for 2.5亿. */
export function firstDigit(fen: number): string {
  return String(Math.floor(fen / 100)).charAt(0);
}

/** Whether the pledge may be stored with what was typed in the digit box (ignored below 1000万). */
export function passesDigitCheck(confirmation: Confirmation, typed: string): boolean {
  return !confirmation.digitCheck || typed.normalize('NFKC').trim() === firstDigit(confirmation.body.amountFen);
}
