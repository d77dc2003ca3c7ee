import { describe, expect, it } from 'vitest';
import type { EventView } from '../../lib/api';
import { fakeFetch, memoryKeys, type FakeRequest } from './admin.fixtures';
import { EventsStore } from './eventsStore';
import { AdminSession } from './session';

function eventView(status: EventView['status'], extra: Partial<EventView> = {}): EventView {
  return {
    id: 'city-2026', title: '慈善日', status, goalFen: 200_000_000_00, tiersFen: [], milestonesFen: [], desks: [],
    screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 }, timeZone: 'Asia/Shanghai', ...extra,
  };
}

function storeWith(route: (request: FakeRequest) => { status: number; body?: unknown } | undefined) {
  const fake = fakeFetch(route);
  return { store: new EventsStore(new AdminSession(memoryKeys(), fake.fetch).call), requests: fake.requests };
}

describe('EventsStore', () => {
  it('creates an event with its id and set-up, then reads the list again', async () => {
    const created = eventView('draft');
    const { store, requests } = storeWith((request) => request.method === 'POST'
      ? { status: 201, body: created }
      : { status: 200, body: [created] });
    const result = await store.create('city-2026', { title: '慈善日', goalFen: 1, tiersFen: [2], milestonesFen: [3] });
    expect(result.ok).toBe(true);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/events', body: { id: 'city-2026', title: '慈善日', goalFen: 1, tiersFen: [2], milestonesFen: [3] } });
    expect(store.events.map((event) => event.id)).toEqual(['city-2026']);
  });

  it('reopens a closed event through its own route and shows the status the server answered', async () => {
    const { store, requests } = storeWith((request) => {
      if (request.path === '/api/events/city-2026') return { status: 200, body: eventView('closed') };
      if (request.path === '/api/events/city-2026/reopen') return { status: 200, body: eventView('live') };
      return { status: 200, body: [] };
    });
    await store.select('city-2026');
    const result = await store.changeStatus('reopen');
    expect(result.ok).toBe(true);
    expect(requests.some((request) => request.method === 'POST' && request.path === '/api/events/city-2026/reopen')).toBe(true);
    expect(store.selected?.status).toBe('live');
  });

  it('keeps the event as it was when the server refuses the change', async () => {
    const { store } = storeWith((request) => request.method === 'POST'
      ? { status: 409, body: { title: '活动已结束 (closed)' } }
      : { status: 200, body: eventView('closed') });
    await store.select('city-2026');
    const result = await store.changeStatus('open');
    expect(!result.ok && result.problem.title).toBe('活动已结束 (closed)');
    expect(store.selected?.status).toBe('closed');
  });

  it('sends the round, the names switch and the seconds per name the admin set', async () => {
    const screen = { roundTitle: '', showDonorNames: true, nameSeconds: 6 };
    const { store, requests } = storeWith((request) => request.method === 'PUT'
      ? { status: 200, body: eventView('live', { screen: request.body as EventView['screen'] }) }
      : { status: 200, body: eventView('live', { screen }) });
    await store.select('city-2026');
    await store.saveScreen({ roundTitle: '第一轮', showDonorNames: false, nameSeconds: 9 });
    expect(requests.at(-1)).toMatchObject({ method: 'PUT', path: '/api/events/city-2026/screen', body: { roundTitle: '第一轮', showDonorNames: false, nameSeconds: 9 } });
    expect(store.selected?.screen).toEqual({ roundTitle: '第一轮', showDonorNames: false, nameSeconds: 9 });
  });

  it('rehearses a draft and resets a rehearsal through their own routes, taking the status the server answers', async () => {
    let status: EventView['status'] = 'draft';
    const { store, requests } = storeWith((request) => {
      if (request.path.endsWith('/rehearse')) status = 'rehearsal';
      if (request.path.endsWith('/rehearsal/reset')) status = 'draft';
      return request.path === '/api/events' ? { status: 200, body: [] } : { status: 200, body: eventView(status) };
    });
    await store.select('city-2026');
    await store.changeStatus('rehearse');
    expect(store.selected?.status).toBe('rehearsal');
    await store.changeStatus('resetRehearsal');
    expect(store.selected?.status).toBe('draft');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path))
      .toEqual(['/api/events/city-2026/rehearse', '/api/events/city-2026/rehearsal/reset']);
  });

  it('selects only an event the server has', async () => {
    const { store } = storeWith(() => ({ status: 404, body: { title: '活动不存在' } }));
    const result = await store.select('nope');
    expect(result.ok).toBe(false);
    expect(store.selected).toBeUndefined();
  });
});
