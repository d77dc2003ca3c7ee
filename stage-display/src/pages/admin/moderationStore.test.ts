import { describe, expect, it } from 'vitest';
import { fakeFetch, memoryKeys } from './admin.fixtures';
import { ModerationStore } from './moderationStore';
import { AdminSession } from './session';

function moderationServer() {
  const issued = new Set<string>();
  const stageNames = new Map<string, boolean>();
  let codes = 0;
  const server = fakeFetch((request) => {
    const match = /^\/api\/events\/([^/]+)\/(staff(?:\/moderator\/(code|revoke))?|moderation\/settings)$/.exec(request.path);
    if (!match) return undefined;
    const [, eventId = '', route = '', action] = match;
    if (route.startsWith('moderation')) {
      if (request.method === 'PUT') stageNames.set(eventId, (request.body as { moderateStageNames: boolean }).moderateStageNames);
      return { status: 200, body: { moderateStageNames: stageNames.get(eventId) ?? false } };
    }
    if (action === 'code') {
      issued.add(eventId);
      return { status: 200, body: { role: 'moderator', accessCode: `MOD${++codes}` } };
    }
    if (action === 'revoke') return issued.has(eventId) ? { status: 204 } : { status: 404, body: { title: '该岗位尚未发放访问码' } };
    return { status: 200, body: [{ role: 'moderator', hasCode: issued.has(eventId) }] };
  });
  return server;
}

const storeOn = (server: ReturnType<typeof moderationServer>) => new ModerationStore(new AdminSession(memoryKeys(), server.fetch).call);

describe('ModerationStore', () => {
  it('reads whether a moderator code exists and the stage-names setting', async () => {
    const server = moderationServer();
    const store = storeOn(server);
    store.forEvent('city-2026');
    expect(store.hasCode).toBeUndefined();
    await store.refresh();
    expect(store.hasCode).toBe(false);
    expect(store.moderateStageNames).toBe(false);
  });

  it('shows a code only from the answer that issued it, and forgets it for another event', async () => {
    const server = moderationServer();
    const store = storeOn(server);
    store.forEvent('a');
    await store.issueCode();
    expect(store.shownCode).toBe('MOD1');
    expect(store.hasCode).toBe(true);
    await store.issueCode();
    expect(store.shownCode).toBe('MOD2');
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.path))
      .toEqual(['/api/events/a/staff/moderator/code', '/api/events/a/staff/moderator/code']);

    store.forEvent('b');
    expect(store.shownCode).toBeUndefined();
    await store.refresh();
    expect(store.hasCode).toBe(false);
    store.forEvent('a');
    await store.refresh();
    expect(store.hasCode).toBe(true);
    expect(store.shownCode).toBeUndefined();
  });

  it('revokes the moderator tokens through the staff route; a role without a code is refused', async () => {
    const server = moderationServer();
    const store = storeOn(server);
    store.forEvent('a');
    expect((await store.revoke()).ok).toBe(false);
    await store.issueCode();
    expect((await store.revoke()).ok).toBe(true);
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/events/a/staff/moderator/revoke' });
  });

  it('keeps the switch where the server has it', async () => {
    const server = moderationServer();
    const store = storeOn(server);
    store.forEvent('a');
    await store.setModerateStageNames(true);
    expect(store.moderateStageNames).toBe(true);
    expect(server.requests.at(-1)).toMatchObject({ method: 'PUT', path: '/api/events/a/moderation/settings', body: { moderateStageNames: true } });

    const refusing = new ModerationStore(new AdminSession(memoryKeys(), fakeFetch(() => ({ status: 500, body: { title: 'boom' } })).fetch).call);
    refusing.forEvent('a');
    const result = await refusing.setModerateStageNames(true);
    expect(result.ok).toBe(false);
    expect(refusing.moderateStageNames).toBeUndefined();
  });
});
