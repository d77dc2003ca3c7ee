import { describe, expect, it } from 'vitest';
import { parseAmountInput } from '../../lib/money';
import { amountForInput } from './amountText';
import { firstDigit } from './confirmation';
import { draftPledge, type PledgeForm } from './pledgeDraft';

const form = (changes: Partial<PledgeForm> = {}): PledgeForm =>
  ({ amount: '500万', donorName: ' 某某集团 ', donorKind: 'enterprise', anonymous: false, representative: '', note: '', ...changes });

describe('draftPledge', () => {
  it('turns what was typed into the pledge, trimmed, optional fields only when given', () => {
    expect(draftPledge(form({ representative: ' 张三 ' }), 'desk-1')).toEqual({
      ok: true, body: { deskId: 'desk-1', amountFen: 5_000_000_00, donorName: '某某集团', donorKind: 'enterprise', anonymous: false, representative: '张三' },
    });
  });

  it('refuses a bad amount, and a missing name unless anonymous', () => {
    expect(draftPledge(form({ amount: '5O0万' }), 'desk-1')).toEqual({ ok: false, field: 'amount', message: 'amount.invalid' });
    expect(draftPledge(form({ donorName: ' ' }), 'desk-1')).toEqual({ ok: false, field: 'donorName', message: 'operator.donorNameRequired' });
    expect(draftPledge(form({ donorName: '', anonymous: true }), 'desk-1').ok).toBe(true);
  });
});

describe('amounts for the operator', () => {
  it.each([5_000_000_00, 1_000_000_000, 1_2000_0000_00, 128_000_50, 5_000_00, 1])('a tier of %i fen reads back from the amount box as itself', (fen) => {
    expect(parseAmountInput(amountForInput(fen))).toEqual({ ok: true, fen });
  });

  it.each([[1_000_000_000, '1'], [2_5000_0000_00, '2'], [9_999_999_999_99, '9']])('the first digit of %i fen is %s', (fen, digit) => {
    expect(firstDigit(fen)).toBe(digit);
  });
});
