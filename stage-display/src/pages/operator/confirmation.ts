// The read-back before a pledge is stored. From 1000万 up, reading is not enough: a slipped zero
// there moves the total by tens of millions on live television, so the operator types the amount's
// first digit again, which they can only do by looking at it.

import type { PledgeBody } from '../../lib/api';
import type { PledgeQueue } from '../../lib/queue';
import type { SimilarPledge } from './similarPledges';

/** 1000万元: the top tier on stage, where the stronger check starts. */
export const LARGE_PLEDGE_FEN = 1_000_000_000;

export type ConfirmationProblem = { kind: 'wrongDigit' } | { kind: 'duplicate' } | { kind: 'storage'; reason: string };

export interface Confirmation {
  readonly body: PledgeBody;
  /** True when the first digit must be typed again before the pledge is stored. */
  readonly digitCheck: boolean;
  readonly problem?: ConfirmationProblem;
  /** The same donor and amount, recorded lately by a desk: storing it takes a second, distinct confirmation. */
  readonly similar?: readonly SimilarPledge[];
}

/** Why what the operator pressed does not store the pledge yet, or undefined when it does. */
export function acceptProblem(confirmation: Confirmation, typedDigit: string, notDuplicate: boolean): ConfirmationProblem | undefined {
  if (!passesDigitCheck(confirmation, typedDigit)) return { kind: 'wrongDigit' };
  if (needsSecondConfirmation(confirmation) && !notDuplicate) return { kind: 'duplicate' };
  return undefined;
}

/** Whether the operator must say "not a duplicate" before the pledge is stored. */
export function needsSecondConfirmation(confirmation: Confirmation): boolean {
  return (confirmation.similar?.length ?? 0) > 0;
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

/** Stores the pledge on this device; the problem when it could not be (nothing is kept then). */
export function storeReadBack(queue: PledgeQueue<PledgeBody>, confirmation: Confirmation, rehearsal: boolean): ConfirmationProblem | undefined {
  try {
    queue.enqueue(confirmation.body, { rehearsal });
    return undefined;
  } catch (error) {
    return { kind: 'storage', reason: error instanceof Error ? error.message : String(error) };
  }
}
