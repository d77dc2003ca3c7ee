// Money by where it came from, added up from the ledger itself: each stage desk, and online giving as
// ONE channel (the server spreads paid donations over shard desks online-0…7, which mean nothing to
// the admin). The ledger only grows (a correction is a new void entry), so the tally reads each entry
// once and keeps a running sum instead of reading the night again every few seconds.

import type { LedgerEntryView } from '../../lib/api';

export interface TallyLine {
  count: number;
  amountFen: number;
}

export interface TallySummary {
  /** Stage desks by desk id. */
  desks: (TallyLine & { deskId: string })[];
  stage: TallyLine;
  online: TallyLine;
  total: TallyLine;
}

const ONLINE = 'online';

export class DeskTally {
  private readonly lines = new Map<string, TallyLine>();
  private readonly voided = new Set<string>();
  private readonly numbers: number[] = [];

  /** The last entry read: the next read starts after it. */
  get lastEntryNo(): number {
    return this.numbers.at(-1) ?? 0;
  }

  /** Every entry number read, oldest first (where each page of the ledger starts). */
  get entryNos(): readonly number[] {
    return this.numbers;
  }

  /** Adds entries in ledger order; an entry already read (a page read twice) is skipped. */
  add(entries: readonly LedgerEntryView[]): void {
    for (const entry of entries) {
      if (entry.entryNo <= this.lastEntryNo) continue;
      this.numbers.push(entry.entryNo);
      // Only pledges and their voids move money; kinds still to come (payment received) do not.
      if (entry.kind !== 'pledge' && entry.kind !== 'void') continue;
      const key = entry.channel === ONLINE ? ONLINE : entry.deskId;
      const line = this.lines.get(key) ?? { count: 0, amountFen: 0 };
      // A void's amount is already negative: the money it takes back.
      line.count += entry.kind === 'pledge' ? 1 : -1;
      line.amountFen += entry.amountFen;
      this.lines.set(key, line);
      if (entry.kind === 'void') this.voided.add(entry.pledgeId);
    }
  }

  isVoided(pledgeId: string): boolean {
    return this.voided.has(pledgeId);
  }

  summary(): TallySummary {
    const desks = [...this.lines].filter(([key]) => key !== ONLINE)
      .map(([deskId, line]) => ({ deskId, ...line }))
      .sort((a, b) => a.deskId.localeCompare(b.deskId));
    const stage = desks.reduce((sum, line) => ({ count: sum.count + line.count, amountFen: sum.amountFen + line.amountFen }), { count: 0, amountFen: 0 });
    const online = { ...(this.lines.get(ONLINE) ?? { count: 0, amountFen: 0 }) };
    return { desks, stage, online, total: { count: stage.count + online.count, amountFen: stage.amountFen + online.amountFen } };
  }
}
