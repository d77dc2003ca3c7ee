// The admin's ledger search as typed into the filter bar, read and checked before anything is sent:
// a name (anywhere in the donor's), a desk, a channel, an amount range in yuan (as an operator types
// amounts: 500万, 1.2亿, 128,000) and a time range in the event's zone.

import { eventLocalToIso } from '../../lib/clock';
import type { MessageKey } from '../../lib/i18n';
import { parseAmountInput } from '../../lib/money';
import type { PledgeChannel } from '../../lib/types';

/** What the bar's boxes hold, as typed. */
export interface FilterForm {
  name: string;
  desk: string;
  channel: '' | PledgeChannel;
  min: string;
  max: string;
  from: string;
  to: string;
}

/** A search as the server takes it; every part optional. */
export interface LedgerFilter {
  name?: string;
  desk?: string;
  channel?: PledgeChannel;
  minFen?: number;
  maxFen?: number;
  from?: string;
  to?: string;
}

export type FilterReading = { ok: true; filter: LedgerFilter } | { ok: false; field: keyof FilterForm; error: MessageKey };

export const EMPTY_FORM: FilterForm = { name: '', desk: '', channel: '', min: '', max: '', from: '', to: '' };

export function readFilter(form: FilterForm): FilterReading {
  const filter: LedgerFilter = {};
  const name = form.name.trim();
  if (name.length > 100) return { ok: false, field: 'name', error: 'ledgerSearch.nameTooLong' };
  if (name) filter.name = name;
  if (form.desk) filter.desk = form.desk;
  if (form.channel) filter.channel = form.channel;
  for (const field of ['min', 'max'] as const) {
    const text = form[field].trim();
    if (!text) continue;
    const amount = parseAmountInput(text, Number.MAX_SAFE_INTEGER);
    if (!amount.ok) {
      const error = amount.error === 'amount.tooLarge' ? 'ledgerSearch.tooLarge' : amount.error === 'amount.tooPrecise' ? 'amount.tooPrecise' : 'ledgerSearch.badAmount';
      return { ok: false, field, error };
    }
    filter[field === 'min' ? 'minFen' : 'maxFen'] = amount.fen;
  }
  if (filter.minFen !== undefined && filter.maxFen !== undefined && filter.minFen > filter.maxFen) {
    return { ok: false, field: 'min', error: 'ledgerSearch.minAboveMax' };
  }
  for (const field of ['from', 'to'] as const) {
    if (!form[field]) continue;
    const iso = eventLocalToIso(form[field]);
    if (!iso) return { ok: false, field, error: 'ledgerSearch.badTime' };
    // "to 21:30" takes in the whole minute the table shows as 21:30 (and a second typed, that whole second).
    const through = form[field].trim().length > 16 ? 999 : 59_999;
    filter[field] = field === 'to' ? new Date(Date.parse(iso) + through).toISOString() : iso;
  }
  if (filter.from && filter.to && filter.from > filter.to) return { ok: false, field: 'from', error: 'ledgerSearch.fromAfterTo' };
  return { ok: true, filter };
}

/** The search's query parameters, in a fixed order; '' for no search. */
export function filterQuery(filter: LedgerFilter): string {
  const query = new URLSearchParams();
  for (const key of ['name', 'desk', 'channel', 'minFen', 'maxFen', 'from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined) query.set(key, String(value));
  }
  return query.toString();
}

export function isFiltering(filter: LedgerFilter): boolean {
  return filterQuery(filter) !== '';
}
