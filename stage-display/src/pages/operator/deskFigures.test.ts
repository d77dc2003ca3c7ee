import { describe, expect, it } from 'vitest';
import type { DeskPledge } from '../../lib/api';
import { deskFigures } from './deskFigures';

const row = (amountFen: number, status: 'confirmed' | 'voided' = 'confirmed'): DeskPledge =>
  ({ pledge: { amountFen, status }, voidReason: null, voidedBy: null, voidedAt: null }) as DeskPledge;

describe('deskFigures', () => {
  it("sums this desk's confirmed pledges and leaves voided ones out", () => {
    expect(deskFigures([row(5_000_000_00), row(1_000_000_00, 'voided'), row(128_000_50)])).toEqual({
      count: 2, subtotalFen: 5_128_000_50, complete: true,
    });
  });

  it('is zero for a desk with nothing yet', () => {
    expect(deskFigures([])).toEqual({ count: 0, subtotalFen: 0, complete: true });
  });

  it('says when the list was full, so older pledges may be missing from the figures', () => {
    expect(deskFigures([row(1), row(2)], 2).complete).toBe(false);
    expect(deskFigures([row(1)], 2).complete).toBe(true);
  });
});
