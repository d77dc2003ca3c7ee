// Client-made ids: a pledge id or a donation id is the idempotency key of every retry, so it must be
// unique without asking the server. Desks and phones open the pages over plain HTTP on the venue's
// LAN name, which browsers do not count as a secure context, so `crypto.randomUUID` is missing
// there; `crypto.getRandomValues` is in every context. Every page makes its ids here, one way, so
// the path tested on localhost is the path taken on the night.

/** Fills the array with random bytes and returns it, as `crypto.getRandomValues` does. */
export type FillRandom = (bytes: Uint8Array) => Uint8Array;

const fromCrypto: FillRandom = (bytes) => crypto.getRandomValues(bytes);

/** A random UUID (version 4, RFC 9562), lower-case `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`. */
export function newUuid(fillRandom: FillRandom = fromCrypto): string {
  const bytes = fillRandom(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4: random
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx: RFC 9562
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
