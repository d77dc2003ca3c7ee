import { describe, expect, it } from 'vitest';
import { fakeFetch, memoryKeys, unreachable } from './admin.fixtures';
import { AdminSession, KEY_STORAGE } from './session';

const KEY = 'the-admin-key';

function server() {
  return fakeFetch((request) => {
    const right = request.authorization === `Bearer ${KEY}`;
    if (request.path === '/api/events') return { status: 200, body: right ? [{ id: 'city-2026', title: '慈善日', status: 'draft', goalFen: 1 }] : [] };
    if (request.path.endsWith('/audit')) return right ? { status: 200, body: {} } : { status: 401 };
    return right ? { status: 200, body: { ok: true } } : { status: 401 };
  });
}

describe('AdminSession', () => {
  it('keeps a key the server takes, for this tab, with the events including drafts', async () => {
    const keys = memoryKeys();
    const fake = server();
    const session = new AdminSession(keys, fake.fetch);
    const outcome = await session.signIn(KEY);
    expect(outcome).toEqual({ ok: true, events: [expect.objectContaining({ id: 'city-2026', status: 'draft' })] });
    expect(session.signedIn).toBe(true);
    expect(keys.items.get(KEY_STORAGE)).toBe(KEY);
    expect(fake.requests.at(-1)?.path).toBe('/api/events/city-2026/audit');
  });

  it('refuses a wrong key and keeps nothing', async () => {
    const keys = memoryKeys();
    const session = new AdminSession(keys, server().fetch);
    expect(await session.signIn('wrong')).toEqual({ ok: false, reason: 'wrongKey' });
    expect(await session.signIn('')).toEqual({ ok: false, reason: 'wrongKey' });
    expect(session.signedIn).toBe(false);
    expect(keys.items.size).toBe(0);
  });

  it('tells an unreachable server apart from a wrong key', async () => {
    const outcome = await new AdminSession(memoryKeys(), unreachable).signIn(KEY);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('unreachable');
  });

  it('sends the key as the bearer on every call', async () => {
    const fake = server();
    const session = new AdminSession(memoryKeys(), fake.fetch);
    await session.signIn(KEY);
    const result = await session.call('/api/events/city-2026/desks');
    expect(result.ok).toBe(true);
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
  });

  it('signs out when a later call is refused for the key (it was rotated)', async () => {
    const keys = memoryKeys();
    let rotated = false;
    const fake = fakeFetch((request) => {
      if (rotated) return { status: 401 };
      return request.path === '/api/events' ? { status: 200, body: [] } : { status: 404, body: { title: 'no such event' } };
    });
    const session = new AdminSession(keys, fake.fetch);
    let refused = 0;
    session.onRefused = () => refused++;
    expect((await session.signIn(KEY)).ok).toBe(true);
    rotated = true;
    await session.call('/api/events');
    expect(session.signedIn).toBe(false);
    expect(refused).toBe(1);
    expect(keys.items.has(KEY_STORAGE)).toBe(false);
  });

  it('offers the key stored by this tab for checking again', () => {
    expect(new AdminSession(memoryKeys({ [KEY_STORAGE]: KEY })).storedKey()).toBe(KEY);
    expect(new AdminSession(memoryKeys()).storedKey()).toBeUndefined();
  });
});
