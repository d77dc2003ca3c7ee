import { afterEach, describe, expect, it, vi } from 'vitest';
import { newUuid } from './ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const filledWith = (byte: number) => (bytes: Uint8Array) => bytes.fill(byte);

describe('newUuid', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(newUuid(filledWith(0x00))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newUuid(filledWith(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('writes the random bytes in order, as lower-case hex', () => {
    const counting = (bytes: Uint8Array) => bytes.map((_, i) => i * 17);
    expect(newUuid(counting)).toBe('00112233-4455-4677-8899-aabbccddeeff');
  });

  it('needs only crypto.getRandomValues, which pages get on a plain-HTTP venue LAN', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    expect(globalThis.crypto.randomUUID).toBeUndefined();
    const ids = new Set(Array.from({ length: 1_000 }, () => newUuid()));
    expect(ids.size).toBe(1_000);
    for (const id of ids) {
      expect(id).toMatch(UUID_V4);
    }
  });
});
