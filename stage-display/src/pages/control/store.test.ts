import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../lib/api';
import { snapshot, totalShow } from '../../lib/liveClient.fixtures';
import type { PublicEvent } from '../../lib/publicEvent';
import type { StaffSession } from '../../lib/staffSession';
import type { ControlServer, ShowBody, ShowState } from './controlApi';
import { pressFor } from './keys';
import { ControlStore, SESSION_KEY } from './store';

const session: StaffSession = { token: 'tok', eventId: 'demo', role: 'controller', expiresAt: '2099-01-01T00:00:00Z' };
const event = { id: 'demo', title: '慈善晚会', tiersFen: [10_000_000_00, 1_000_000_00], milestonesFen: [100_00, 1_000_000_00] } as PublicEvent;

const ok = <T>(body: T): ApiResult<T> => ({ kind: 'ok', ok: true, status: 200, body });
const refused = <T>(status: number, title: string): ApiResult<T> =>
  ({ kind: 'problem', ok: false, status, body: {}, problem: { status, title, fieldErrors: {} } });

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

class FakeControl implements ControlServer {
  sent: (ShowBody | { milestoneFen: number })[] = [];
  answer: (body: ShowBody) => ApiResult<ShowState> = (body) => ok({ ...totalShow, ...body } as ShowState);
  hold?: Promise<void>;
  signIn = async (eventId: string, code: string) => (code === 'right' ? ok({ ...session, eventId }) : refused<StaffSession>(401, 'wrong'));
  event = async () => ok(event);
  setShow = async (_: StaffSession, body: ShowBody) => {
    this.sent.push(body);
    await this.hold;
    return this.answer(body);
  };
  celebrate = async (_: StaffSession, milestoneFen: number) => {
    this.sent.push({ milestoneFen });
    return milestoneFen === 100_00 ? ok({ ...totalShow, celebrationFen: milestoneFen, celebrationCue: 1 }) : refused<ShowState>(409, '总额尚未达到这个里程碑');
  };
}

function signedIn(server = new FakeControl()) {
  const storage = memoryStorage();
  storage.setItem(SESSION_KEY, JSON.stringify(session));
  const store = new ControlStore(server, storage);
  store.takeLive(snapshot(3, { eventId: 'demo', milestonesReached: [100_00] }));
  return { store, server, storage };
}

describe('ControlStore', () => {
  it('signs in with the controller code, keeps it for a reload, and reads the event', async () => {
    const server = new FakeControl();
    const storage = memoryStorage();
    const store = new ControlStore(server, storage);
    await store.signIn('demo', 'wrong');
    expect(store.state.session).toBeUndefined();
    expect(store.state.signInError).toBeTruthy();
    await store.signIn(' demo ', ' right ');
    expect(store.state.session?.role).toBe('controller');
    expect(store.state.event?.tiersFen).toEqual(event.tiersFen);
    expect(JSON.parse(storage.items.get(SESSION_KEY) ?? '{}').token).toBe('tok');
  });

  it('says a scene is on air only once the server answered, and ends on the last press made meanwhile', async () => {
    const { store, server } = signedIn();
    let release: () => void = () => undefined;
    server.hold = new Promise((resolve) => (release = resolve));
    const first = store.press({ kind: 'scene', scene: 'tierRound', tierFen: 10_000_000_00 });
    expect(store.show?.scene).toBe('total');
    expect(store.state.pending).toBeDefined();
    // While the first is on its way: the same again (dropped), then two others (the later wins).
    await store.press({ kind: 'scene', scene: 'tierRound', tierFen: 10_000_000_00 });
    await store.press({ kind: 'scene', scene: 'honourRoll' });
    await store.press({ kind: 'scene', scene: 'total' });
    release();
    await first;
    expect(server.sent).toEqual([{ scene: 'tierRound', tierFen: 10_000_000_00 }, { scene: 'total' }]);
    expect(store.show).toMatchObject({ scene: 'total' });
    expect(store.state.pending).toBeUndefined();
    expect(store.state.status?.tone).toBe('ok');

    store.takeLive(snapshot(4, { eventId: 'demo', show: { ...totalShow, scene: 'messages' } })); // another console pressed
    expect(store.show?.scene).toBe('messages');
  });

  it('sends the hold switch alone, so it never puts back a scene this console saw last', async () => {
    const { store, server } = signedIn();
    await store.press({ kind: 'hold', hold: true });
    expect(server.sent).toEqual([{ holdCelebrations: true }]);
  });

  it('switches the hold from what the presses on their way will leave: h pressed twice fast ends where it began', async () => {
    const { store, server } = signedIn();
    let release: () => void = () => undefined;
    server.hold = new Promise((resolve) => (release = resolve));
    const first = store.press({ kind: 'hold', hold: !store.intendedHold() });
    const second = store.press({ kind: 'hold', hold: !store.intendedHold() });
    release();
    await Promise.all([first, second]);
    expect(server.sent).toEqual([{ holdCelebrations: true }, { holdCelebrations: false }]);
    expect(store.intendedHold()).toBe(false);
  });

  it('cues only a milestone the total has reached, and shows the server’s refusal', async () => {
    const { store, server } = signedIn();
    await store.press({ kind: 'cue', milestoneFen: 1_000_000_00 });
    expect(server.sent).toEqual([]); // not reached: nothing sent
    await store.press({ kind: 'cue', milestoneFen: 100_00 });
    expect(store.show?.celebrationCue).toBe(1);

    store.takeLive(snapshot(5, { eventId: 'demo', milestonesReached: [100_00, 1_000_000_00] }));
    server.celebrate = async () => refused<ShowState>(409, '总额尚未达到这个里程碑');
    await store.press({ kind: 'cue', milestoneFen: 1_000_000_00 });
    expect(store.state.status).toMatchObject({ tone: 'error' });
    expect(store.state.status?.text).toContain('总额尚未达到');
    expect(store.state.pending).toBeUndefined();
  });

  it('signs out when the server no longer takes the token', async () => {
    const { store, server, storage } = signedIn();
    server.answer = () => refused(401, 'expired');
    await store.press({ kind: 'scene', scene: 'thanks' });
    expect(store.state.session).toBeUndefined();
    expect(storage.items.has(SESSION_KEY)).toBe(false);
  });
});

describe('pressFor', () => {
  const key = (k: string, target: EventTarget | null = null) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target });

  it('maps the keys to scenes, tier rounds in order, and the hold switch', () => {
    const tiers = [10_000_000_00, 1_000_000_00];
    expect(pressFor(key('0'), tiers, false)).toEqual({ kind: 'scene', scene: 'total' });
    expect(pressFor(key('R'), tiers, false)).toEqual({ kind: 'scene', scene: 'honourRoll' });
    expect(pressFor(key('2'), tiers, false)).toEqual({ kind: 'scene', scene: 'tierRound', tierFen: 1_000_000_00 });
    expect(pressFor(key('3'), tiers, false)).toBeUndefined();
    expect(pressFor(key('h'), tiers, true)).toEqual({ kind: 'hold', hold: false });
    expect(pressFor(key('m', { tagName: 'INPUT' } as unknown as EventTarget), tiers, false)).toBeUndefined();
  });
});
