// The selected event's ledger: the page of 100 the admin reads (first, previous, next, latest), within
// the admin's search if one is on; the tally by desk and channel read from every entry (never searched),
// voids made from here, and the CSV export (the whole ledger).

import { paths, type ApiResult, type LedgerEntryView, type LedgerMatch, type LedgerPage } from '../../lib/api';
import { DeskTally } from './deskTally';
import { filterQuery, isFiltering, type LedgerFilter } from './ledgerFilter';
import type { AdminCall } from './session';

export const PAGE_SIZE = 100;
const WALK_SIZE = 1000;

export class LedgerStore {
  entries: LedgerEntryView[] = [];
  /** The page shown starts after this entry number. */
  after = 0;
  /** Where the pages before this one start, for 上一页. */
  history: number[] = [];
  nextAfter: number | null = null;
  /** What the search matched in the whole ledger (not only this page); null without a search. */
  match: LedgerMatch | null = null;
  /** The admin's search; empty for the whole ledger. */
  filter: LedgerFilter = {};
  tally = new DeskTally();
  private eventId: string | undefined;
  private walking: Promise<ApiResult<LedgerPage> | undefined> | undefined;

  constructor(private readonly call: AdminCall) {}

  forEvent(eventId: string): void {
    if (eventId === this.eventId) return;
    this.eventId = eventId;
    this.entries = [];
    this.after = 0;
    this.history = [];
    this.nextAfter = null;
    this.match = null;
    this.filter = {};
    this.tally = new DeskTally();
    this.walking = undefined;
  }

  async refresh(): Promise<ApiResult<LedgerPage>> {
    const eventId = this.current();
    const { after, filter } = this;
    const result = await this.call<LedgerPage>(paths.ledger(eventId, after, PAGE_SIZE, filterQuery(filter)));
    // An answer for a page, search or event the admin has since left is dropped.
    if (result.ok && eventId === this.eventId && after === this.after && filter === this.filter) {
      this.entries = result.body.entries;
      this.nextAfter = result.body.nextAfter;
      this.match = result.body.match ?? null;
    }
    return result;
  }

  get filtering(): boolean {
    return isFiltering(this.filter);
  }

  /** A new search (or none) from its first page. */
  search(filter: LedgerFilter): Promise<ApiResult<LedgerPage>> {
    this.filter = filter;
    this.match = null;
    return this.first();
  }

  first(): Promise<ApiResult<LedgerPage>> {
    this.after = 0;
    this.history = [];
    return this.refresh();
  }

  previous(): Promise<ApiResult<LedgerPage>> {
    this.after = this.history.pop() ?? 0;
    return this.refresh();
  }

  next(): Promise<ApiResult<LedgerPage>> {
    if (this.nextAfter !== null) {
      this.history.push(this.after);
      this.after = this.nextAfter;
    }
    return this.refresh();
  }

  /** The last page of 100: the tally knows where every page starts once it has read to the end (not within a search). */
  async latest(): Promise<ApiResult<LedgerPage> | undefined> {
    if (this.filtering) return undefined;
    const walked = await this.refreshTally();
    if (walked && !walked.ok) return walked;
    const numbers = this.tally.entryNos;
    const starts = [0];
    for (let i = PAGE_SIZE; i < numbers.length; i += PAGE_SIZE) starts.push(numbers[i - 1] ?? 0);
    this.after = starts.pop() ?? 0;
    this.history = starts;
    return this.refresh();
  }

  /** Reads the entries after the last one tallied, to the end; one walk at a time. */
  refreshTally(): Promise<ApiResult<LedgerPage> | undefined> {
    this.walking ??= this.walk(this.current(), this.tally).finally(() => {
      this.walking = undefined;
    });
    return this.walking;
  }

  private async walk(eventId: string, tally: DeskTally): Promise<ApiResult<LedgerPage> | undefined> {
    for (;;) {
      const result = await this.call<LedgerPage>(paths.ledger(eventId, tally.lastEntryNo, WALK_SIZE));
      if (!result.ok) return result;
      tally.add(result.body.entries);
      if (result.body.nextAfter === null) return result;
    }
  }

  /** Whether a pledge has a void anywhere in the ledger (or on the page shown). */
  isVoided(pledgeId: string): boolean {
    return this.tally.isVoided(pledgeId) || this.entries.some((entry) => entry.kind === 'void' && entry.pledgeId === pledgeId);
  }

  /** A void by the admin, with its reason; the server checks the reason and answers a problem if it is bad. */
  async voidPledge(pledgeId: string, reason: string): Promise<ApiResult<unknown>> {
    const result = await this.call(paths.voidPledge(this.current(), pledgeId), { method: 'POST', body: { reason } });
    if (result.ok) await Promise.all([this.refresh(), this.refreshTally()]);
    return result;
  }

  /** The export needs the bearer header, so the page fetches it and hands the browser a file. */
  exportCsv(): Promise<ApiResult<Blob>> {
    return this.call<Blob>(paths.ledgerCsv(this.current()), { read: 'blob', timeoutMs: 120_000 });
  }

  get selectedEventId(): string | undefined {
    return this.eventId;
  }

  private current(): string {
    if (!this.eventId) throw new Error('No event is selected.');
    return this.eventId;
  }
}
