import { describe, expect, it } from 'vitest';
import { fakeFetch, memoryKeys } from './admin.fixtures';
import { DesksStore } from './desksStore';
import { AdminSession } from './session';

function desksServer() {
  const desks = new Map<string, { deskId: string; name: string }[]>([['a', []], ['b', [{ deskId: 'desk-1', name: 'B 一号' }]]]);
  let codes = 0;
  return fakeFetch((request) => {
    const match = /^\/api\/events\/([^/]+)\/desks(?:\/([^/]+)\/(code|revoke))?$/.exec(request.path);
    if (!match) return undefined;
    const [, eventId = '', deskId, action] = match;
    const list = desks.get(eventId) ?? [];
    if (request.method === 'GET') return { status: 200, body: list };
    if (action === 'revoke') return { status: 204 };
    const body = request.body as { deskId: string; name: string } | undefined;
    const desk = action === 'code' ? list.find((d) => d.deskId === deskId) : body;
    if (!desk) return { status: 404, body: { title: '录入台不存在' } };
    if (!action) list.push({ deskId: desk.deskId, name: desk.name });
    codes++;
    return { status: action ? 200 : 201, body: { deskId: desk.deskId, name: desk.name, accessCode: `CODE${codes}` } };
  });
}

describe('DesksStore', () => {
  it('shows a code only from the answer that made it, per event', async () => {
    const store = new DesksStore(new AdminSession(memoryKeys(), desksServer().fetch).call);
    store.forEvent('a');
    const added = await store.add('desk-1', 'A 一号');
    expect(added.ok).toBe(true);
    expect(store.desks).toEqual([{ deskId: 'desk-1', name: 'A 一号' }]);
    expect(store.codeOf('desk-1')).toBe('CODE1');

    store.forEvent('b');
    await store.refresh();
    expect(store.nameOf('desk-1')).toBe('B 一号');
    expect(store.codeOf('desk-1')).toBeUndefined();
    await store.rotate('desk-1');
    expect(store.codeOf('desk-1')).toBe('CODE2');

    store.forEvent('a');
    expect(store.codeOf('desk-1')).toBe('CODE1');
  });

  it('signs a desk out without showing or forgetting any code', async () => {
    const fake = desksServer();
    const store = new DesksStore(new AdminSession(memoryKeys(), fake.fetch).call);
    store.forEvent('b');
    const result = await store.revoke('desk-1');
    expect(result.ok).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/events/b/desks/desk-1/revoke' });
    expect(store.codeOf('desk-1')).toBeUndefined();
  });

  it('drops a list that arrives after the admin moved to another event', async () => {
    const store = new DesksStore(new AdminSession(memoryKeys(), desksServer().fetch).call);
    store.forEvent('b');
    const late = store.refresh();
    store.forEvent('a');
    await late;
    expect(store.desks).toEqual([]);
  });
});
