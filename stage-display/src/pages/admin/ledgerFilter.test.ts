import { describe, expect, it } from 'vitest';
import { setEventTimeZone } from '../../lib/clock';
import { fakeFetch, ledgerAnswer, memoryKeys, pledgeEntry } from './admin.fixtures';
import { EMPTY_FORM, filterQuery, readFilter } from './ledgerFilter';
import { LedgerStore } from './ledgerStore';
import { AdminSession } from './session';

describe('readFilter', () => {
  it('reads amounts as an operator types them and times in the event’s zone', () => {
    setEventTimeZone('Asia/Shanghai');
    const reading = readFilter({ ...EMPTY_FORM, name: ' 华夏 ', desk: 'desk-2', channel: 'stage', min: '100万', max: '1.2亿', from: '2026-12-31T20:00', to: '2026-12-31T21:30' });
    expect(reading).toEqual({ ok: true, filter: {
      name: '华夏', desk: 'desk-2', channel: 'stage', minFen: 1_000_000_00, maxFen: 120_000_000_00,
      from: '2026-12-31T12:00:00.000Z', to: '2026-12-31T13:30:59.999Z' } });
    expect(readFilter({ ...EMPTY_FORM, to: '2026-12-31T21:30:15' })).toEqual({ ok: true, filter: { to: '2026-12-31T13:30:15.999Z' } });
    expect(readFilter(EMPTY_FORM)).toEqual({ ok: true, filter: {} });
  });

  it('names the box that is wrong, and sends nothing', () => {
    expect(readFilter({ ...EMPTY_FORM, min: 'abc' })).toMatchObject({ ok: false, field: 'min', error: 'ledgerSearch.badAmount' });
    expect(readFilter({ ...EMPTY_FORM, max: '99999999999999' })).toMatchObject({ ok: false, field: 'max', error: 'ledgerSearch.tooLarge' });
    expect(readFilter({ ...EMPTY_FORM, min: '0.001' })).toMatchObject({ ok: false, field: 'min', error: 'amount.tooPrecise' });
    expect(readFilter({ ...EMPTY_FORM, min: '500万', max: '100万' })).toMatchObject({ ok: false, field: 'min', error: 'ledgerSearch.minAboveMax' });
    expect(readFilter({ ...EMPTY_FORM, from: '2026-12-31T22:00', to: '2026-12-31T21:00' })).toMatchObject({ ok: false, field: 'from' });
    expect(readFilter({ ...EMPTY_FORM, to: '2026-02-30T10:00' })).toMatchObject({ ok: false, field: 'to', error: 'ledgerSearch.badTime' });
    expect(readFilter({ ...EMPTY_FORM, name: '华'.repeat(101) })).toMatchObject({ ok: false, field: 'name' });
  });

  it('writes the query the server reads', () => {
    expect(filterQuery({ channel: 'online', name: '100%_爱心', minFen: 100 })).toBe('name=100%25_%E7%88%B1%E5%BF%83&channel=online&minFen=100');
    expect(filterQuery({})).toBe('');
  });
});

describe('LedgerStore searching', () => {
  function storeOver() {
    const entries = Array.from({ length: 250 }, (_, i) => pledgeEntry(i + 1, i % 2 === 0 ? 'desk-1' : 'desk-2', 100_00));
    const fake = fakeFetch((request) => (request.path.startsWith('/api/events/night/ledger?') ? ledgerAnswer(entries, request.path) : undefined));
    const store = new LedgerStore(new AdminSession(memoryKeys(), fake.fetch).call);
    store.forEvent('night');
    return { store, requests: fake.requests };
  }

  it('pages within the search, and a cleared search is the whole ledger from its start', async () => {
    const { store, requests } = storeOver();
    await store.next();
    await store.search({ desk: 'desk-2' });
    expect(store.filtering).toBe(true);
    expect(store.entries.every((entry) => entry.deskId === 'desk-2')).toBe(true);
    expect(requests.at(-1)?.path).toBe('/api/events/night/ledger?after=0&limit=100&desk=desk-2');
    await store.next();
    expect(requests.at(-1)?.path).toBe(`/api/events/night/ledger?after=${store.after}&limit=100&desk=desk-2`);
    expect(store.entries[0]?.entryNo).toBe(202);
    expect(await store.latest()).toBeUndefined(); // the tally's page starts are the whole ledger's

    await store.search({});
    expect(store.filtering).toBe(false);
    expect(store.entries[0]?.entryNo).toBe(1);
  });

  it('tallies desks from the whole ledger, whatever the search', async () => {
    const { store, requests } = storeOver();
    await store.search({ desk: 'desk-1' });
    await store.refreshTally();
    expect(requests.filter((request) => request.path.includes('limit=1000')).every((request) => !request.path.includes('desk='))).toBe(true);
    expect(store.tally.entryNos).toHaveLength(250);
  });
});
