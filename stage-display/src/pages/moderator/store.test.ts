import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../lib/api';
import type { ModerationDecision, ModerationEntry, ModerationServer, ModerationState } from './moderationApi';
import type { StaffSession } from '../../lib/staffSession';
import { ModeratorStore, SESSION_KEY } from './store';

const session: StaffSession = { token: 'tok', eventId: 'gala', role: 'moderator', expiresAt: '2099-01-01T00:00:00Z' };

function entry(pledgeId: string, recordedAt: string, state: ModerationState = 'pending'): ModerationEntry {
  return { pledgeId, channel: 'online', amountFen: 88_800, typedName: `name-${pledgeId}`, donorKind: 'individual', anonymous: false,
    message: null, recordedAt, state, displayName: null, decidedBy: null, decidedAt: null };
}

const ok = <T>(body: T): ApiResult<T> => ({ kind: 'ok', ok: true, status: 200, body });
const refused = <T>(status: number, title: string): ApiResult<T> =>
  ({ kind: 'problem', ok: false, status, body: {}, problem: { status, title, fieldErrors: {} } });

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

class FakeModeration implements ModerationServer {
  queues: Record<ModerationState, ModerationEntry[]> = { pending: [], approved: [], hidden: [] };
  answer?: (resolve: (result: ApiResult<ModerationDecision>) => void) => void;
  decisions: unknown[] = [];
  signIn = async (eventId: string, code: string) => (code === 'right' ? ok({ ...session, eventId }) : refused<StaffSession>(401, 'wrong'));
  queue = async (_: StaffSession, state: ModerationState) => ok(this.queues[state]);
  decide = (_: StaffSession, pledgeId: string, action: string, displayName?: string) => {
    this.decisions.push({ pledgeId, action, displayName });
    return new Promise<ApiResult<ModerationDecision>>((resolve) => this.answer?.(resolve) ?? resolve(ok({
      pledgeId, state: action === 'hide' ? 'hidden' : 'approved', displayName: displayName ?? null, decidedBy: 'moderator', decidedAt: '2026-12-02T12:00:00Z' })));
  };
}

async function signedIn(server: FakeModeration): Promise<ModeratorStore> {
  const storage = memoryStorage();
  storage.setItem(SESSION_KEY, JSON.stringify(session));
  const store = new ModeratorStore(server, storage);
  await store.refresh();
  return store;
}

describe('ModeratorStore', () => {
  it('signs in with the event and code and keeps the token for a reload', async () => {
    const server = new FakeModeration();
    const storage = memoryStorage();
    const store = new ModeratorStore(server, storage);
    await store.signIn('gala', 'wrong');
    expect(store.state.session).toBeUndefined();
    expect(store.state.signInError).toBeTruthy();
    await store.signIn(' gala ', 'right');
    expect(store.state.session?.eventId).toBe('gala');
    expect(new ModeratorStore(server, storage).state.session?.token).toBe('tok');
  });

  it('shows every state newest first under "all", keeping the selected pledge', async () => {
    const server = new FakeModeration();
    server.queues.pending = [entry('p1', '2026-12-02T12:00:01Z')];
    server.queues.approved = [entry('a1', '2026-12-02T12:00:03Z', 'approved')];
    server.queues.hidden = [entry('h1', '2026-12-02T12:00:02Z', 'hidden')];
    const store = await signedIn(server);
    await store.setFilter('all');
    expect(store.state.entries.map((e) => e.pledgeId)).toEqual(['a1', 'h1', 'p1']);
    expect(store.state.selectedId).toBe('p1');
    store.move(-1);
    store.move(-1);
    store.move(-1);
    expect(store.state.selectedId).toBe('a1');
  });

  it('shows a decision at once and keeps it through a poll that lands before the answer', async () => {
    const server = new FakeModeration();
    server.queues.pending = [entry('p1', '2026-12-02T12:00:01Z')];
    let answer: ((result: ApiResult<ModerationDecision>) => void) | undefined;
    server.answer = (resolve) => (answer = resolve);
    const store = await signedIn(server);
    const deciding = store.decideSelected('hide');
    expect(store.state.entries[0]?.state).toBe('hidden');
    await store.refresh();
    expect(store.state.entries[0]?.state).toBe('hidden');
    answer?.(ok({ pledgeId: 'p1', state: 'hidden', displayName: null, decidedBy: 'moderator', decidedAt: '2026-12-02T12:00:05Z' }));
    await deciding;
    expect(store.state.entries[0]?.decidedBy).toBe('moderator');
  });

  it('rolls a refused decision back and says what the server said', async () => {
    const server = new FakeModeration();
    server.queues.pending = [entry('p1', '2026-12-02T12:00:01Z')];
    server.answer = (resolve) => resolve(refused(409, '捐赠人选择了匿名'));
    const store = await signedIn(server);
    store.startEditing();
    store.setDraft('  某某集团  ');
    await store.saveEditing();
    expect(server.decisions).toEqual([{ pledgeId: 'p1', action: 'rename', displayName: '某某集团' }]);
    expect(store.state.entries[0]?.state).toBe('pending');
    expect(store.state.status).toEqual({ text: '捐赠人选择了匿名', tone: 'error' });
  });

  it('keeps the selection on its row when a newer pledge arrives, and goes back to sign-in on a 401', async () => {
    const server = new FakeModeration();
    server.queues.pending = [entry('p1', '2026-12-02T12:00:01Z'), entry('p0', '2026-12-02T12:00:00Z')];
    const store = await signedIn(server);
    store.move(1);
    server.queues.pending = [entry('p2', '2026-12-02T12:00:09Z'), ...server.queues.pending];
    await store.refresh();
    expect(store.state.selectedId).toBe('p0');
    server.queue = async () => refused(401, 'expired');
    await store.refresh();
    expect(store.state.session).toBeUndefined();
  });
});
