// The server's JSON, as the minimal API and the SignalR hub send it (camelCase, enums as camelCase
// strings, amounts as integer fen: 64-bit on the server, well inside 2^53 here), under the names the
// pages use. The shapes are generated from the server's OpenAPI document into wire.gen.ts; after a
// change on the server, run stage-display/scripts/update-wire.sh (tests fail until then).

import type { components } from './wire.gen';

/** Every schema of `/openapi/v1.json`, by its server-side name. */
export type Schemas = components['schemas'];

/**
 * A request body as a page sends it. The generated request schemas list each property as present and
 * nullable (the server reads a missing one as null, then refuses what it needs): a page always sends
 * `Needed`, never null, and sends `Optional` only when there is something in it.
 */
export type SentBody<T, Needed extends keyof T, Optional extends keyof T = never> = Flat<
  { [K in Needed]-?: NonNullable<T[K]> } & { [K in Optional]?: NonNullable<T[K]> }
>;

type Flat<T> = { [K in keyof T]: T[K] };

export type PledgeChannel = Schemas['PledgeChannel'];

export type DonorKind = Schemas['DonorKind'];

/** The running total split by where the money came from. */
export type ChannelTotals = Schemas['ChannelTotals'];

/** One line of the recent-pledges feed; the name is already "爱心人士" for an anonymous donor. */
export type FeedItem = Schemas['FeedItem'];

/** What the admin sets for the big screen: the round now on stage and whether donor names show. */
export type ScreenSettings = Schemas['ScreenSettings'];

/**
 * Everything a screen needs from nothing: `Watch(eventId)` / `Follow(eventId)` (null when there is no
 * such event) and `GET /api/events/{id}/total`. `recent` is newest first, at most 20.
 */
export type TotalSnapshot = Schemas['TotalSnapshot'];

/**
 * The hub's `total` message: the totals plus what changed since the push of `previousVersion`.
 * `newPledges` is oldest first; with `feedReset` it is the whole feed to show (the admin hid or showed
 * the donor names again), not what is new.
 */
export type TotalPush = Schemas['TotalPush'];
