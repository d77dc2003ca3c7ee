import { describe, expect, it } from 'vitest';
import type { LedgerEntryView } from '../../lib/api';
import { fakeFetch, ledgerAnswer, memoryKeys, pledgeEntry, voidEntry } from './admin.fixtures';
import { LedgerStore } from './ledgerStore';
import { AdminSession } from './session';

/** A ledger server over `entries`; a void appends its entry as the desk grain would. */
function ledgerServer(entries: LedgerEntryView[]) {
  return fakeFetch((request) => {
    if (request.path.startsWith('/api/events/night/ledger?')) return ledgerAnswer(entries, request.path);
    const voiding = /^\/api\/events\/night\/pledges\/([^/]+)\/void$/.exec(request.path);
    if (voiding && request.method === 'POST') {
      const reason = (request.body as { reason?: string }).reason?.trim() ?? '';
      if (reason === '') return { status: 400, body: { title: '请求有误 (bad request)', errors: { reason: ['必填 (required)'] } } };
      const pledge = entries.find((entry) => entry.pledgeId === voiding[1]);
      if (!pledge) return { status: 404, body: { title: '认捐不存在' } };
      entries.push(voidEntry(entries.length + 1, pledge, reason));
      return { status: 200, body: {} };
    }
    return undefined;
  });
}

function stageEntries(count: number): LedgerEntryView[] {
  return Array.from({ length: count }, (_, i) => pledgeEntry(i + 1, i % 2 === 0 ? 'desk-1' : `online-${i % 8}`, 100_00));
}

function storeOver(entries: LedgerEntryView[]) {
  const fake = ledgerServer(entries);
  const store = new LedgerStore(new AdminSession(memoryKeys(), fake.fetch).call);
  store.forEvent('night');
  return { store, requests: fake.requests };
}

describe('LedgerStore', () => {
  it('pages forward and back by 100', async () => {
    const { store } = storeOver(stageEntries(250));
    await store.refresh();
    expect(store.entries.map((e) => e.entryNo).slice(0, 2)).toEqual([1, 2]);
    await store.next();
    expect(store.entries[0]?.entryNo).toBe(101);
    await store.next();
    expect(store.entries.length).toBe(50);
    expect(store.nextAfter).toBeNull();
    await store.previous();
    expect(store.entries[0]?.entryNo).toBe(101);
    await store.first();
    expect(store.entries[0]?.entryNo).toBe(1);
    expect(store.history).toEqual([]);
  });

  it('finds the latest page from the entries it has tallied, and 上一页 goes on from there', async () => {
    const { store } = storeOver(stageEntries(250));
    await store.latest();
    expect(store.entries.map((e) => e.entryNo)).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
    await store.previous();
    expect(store.entries[0]?.entryNo).toBe(101);
  });

  it('reads only the entries after the last one it tallied', async () => {
    const entries = stageEntries(3);
    const { store, requests } = storeOver(entries);
    await store.refreshTally();
    entries.push(pledgeEntry(4, 'online-5', 1_00));
    await store.refreshTally();
    const walks = requests.filter((request) => request.path.includes('limit=1000')).map((request) => request.path);
    expect(walks).toEqual(['/api/events/night/ledger?after=0&limit=1000', '/api/events/night/ledger?after=3&limit=1000']);
    expect(store.tally.summary().online.count).toBe(2);
  });

  it('walks the ledger once when asked twice at the same time', async () => {
    const { store, requests } = storeOver(stageEntries(3));
    await Promise.all([store.refreshTally(), store.refreshTally()]);
    expect(requests.length).toBe(1);
    expect(store.tally.summary().total.count).toBe(3);
  });

  it('voids with the reason; the pledge then shows as voided and its money leaves the tally', async () => {
    const { store, requests } = storeOver(stageEntries(3));
    await store.refresh();
    await store.refreshTally();
    const result = await store.voidPledge('p-1', '金额录错');
    expect(result.ok).toBe(true);
    expect(requests.find((request) => request.method === 'POST')).toMatchObject({ path: '/api/events/night/pledges/p-1/void', body: { reason: '金额录错' } });
    expect(store.isVoided('p-1')).toBe(true);
    expect(store.entries.at(-1)).toMatchObject({ kind: 'void', pledgeId: 'p-1', note: '金额录错' });
    expect(store.tally.summary().desks).toEqual([{ deskId: 'desk-1', count: 1, amountFen: 100_00 }]);
  });

  it('answers a bad reason with the server problem and changes nothing', async () => {
    const { store } = storeOver(stageEntries(3));
    await store.refresh();
    const result = await store.voidPledge('p-1', '   ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.fieldErrors).toEqual({ reason: ['必填 (required)'] });
    expect(store.isVoided('p-1')).toBe(false);
    expect(store.entries.length).toBe(3);
  });

  it('starts a fresh tally for another event and drops the old event’s late page', async () => {
    const { store } = storeOver(stageEntries(3));
    const late = store.refresh();
    store.forEvent('other');
    await late;
    expect(store.entries).toEqual([]);
    expect(store.tally.summary().total.count).toBe(0);
  });
});
