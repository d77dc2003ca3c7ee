// The event a public page shows, apart from its live total: which event the address names, the
// event itself over HTTP, and when a change of version means the event should be fetched again.

import type { Schemas, TotalSnapshot } from './types';

export type EventStatus = Schemas['EventStatus'];

/** `GET /api/events/{eventId}`: the public view of an event (never the desks' access codes). */
export type PublicEvent = Schemas['EventView'];

/**
 * The event id of a page served at `/screen/{eventId}` or `/e/{eventId}` (the last path segment);
 * `?event=` works too, for the Vite dev server's `/screen.html`. Empty when there is none.
 */
export function eventIdFromLocation(location: Pick<Location, 'pathname' | 'search'>): string {
  const fromQuery = new URLSearchParams(location.search).get('event');
  if (fromQuery) {
    return fromQuery;
  }
  const segments = location.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1) ?? '';
  if (segments.length < 2 || last.endsWith('.html')) {
    return '';
  }
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * True when the version moved but the money did not: the admin changed the event (status, title,
 * goal, round), which a push does not fully describe, so a page fetches the event again. Also true
 * when the rehearsal flag changed, money or not. A press of the screen controller moves the version
 * too, but the push carries all of it (the show): that is not a reason to fetch.
 */
export function isConfigurationChange(previous: Readonly<TotalSnapshot> | null, current: Readonly<TotalSnapshot>): boolean {
  if (previous === null || current.version === previous.version) {
    return false;
  }
  const moneyStill = current.totalFen === previous.totalFen && current.pledgeCount === previous.pledgeCount;
  const [before, after] = [rehearsalFlag(previous), rehearsalFlag(current)];
  return (moneyStill && sameShow(previous, current)) || (before !== undefined && after !== undefined && before !== after);
}

function sameShow(previous: Readonly<TotalSnapshot>, current: Readonly<TotalSnapshot>): boolean {
  const [a, b] = [previous.show, current.show];
  if (!a || !b) return a === b; // a state from before the show existed
  return a.scene === b.scene && a.tierFen === b.tierFen && a.roundStartedAt === b.roundStartedAt
    && a.holdCelebrations === b.holdCelebrations && a.celebrationCue === b.celebrationCue;
}

/**
 * A rehearsal's reset zeroes the money and its end changes the event's status in the same version,
 * so a change of the flag (contract: `rehearsal` on snapshots and pushes) also means fetch the event.
 * A state without the flag (a server or live.ts from before it) says nothing either way.
 */
function rehearsalFlag(state: Readonly<TotalSnapshot>): boolean | undefined {
  const { rehearsal } = state as Readonly<TotalSnapshot> & { rehearsal?: boolean };
  return rehearsal;
}

/** The event, or null when it does not exist (404); throws when the server could not answer. */
export async function fetchPublicEvent(eventId: string): Promise<PublicEvent | null> {
  const url = `/api/events/${encodeURIComponent(eventId)}`;
  const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  return (await response.json()) as PublicEvent;
}
