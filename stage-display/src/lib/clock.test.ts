import { describe, expect, it } from 'vitest';
import { clockDateTime, clockTime, eventLocalToIso } from './clock';

describe('clock', () => {
  it('says a UTC instant in Beijing time by default, whatever zone the device is in', () => {
    expect(clockTime('2026-12-31T12:15:03Z')).toBe('20:15:03');
    expect(clockDateTime('2026-12-31T16:00:00.250Z')).toBe('2027-01-01 00:00:00');
  });

  it('follows the event zone the admin set', () => {
    expect(clockTime('2026-07-01T12:00:00Z', 'Europe/London')).toBe('13:00:00');
    expect(clockTime('2026-12-31T12:15:03+08:00', 'UTC')).toBe('04:15:03');
  });

  it('keeps midnight as 00, not 24', () => {
    expect(clockTime('2026-12-31T16:00:00Z')).toBe('00:00:00');
  });

  it('says nothing for a value that is not a time, and falls back to the device zone for an unknown zone', () => {
    expect(clockTime('not a time')).toBe('');
    expect(clockDateTime('')).toBe('');
    expect(clockTime('2026-12-31T12:15:03Z', 'Mars/Olympus')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  });
});

describe('the event zone', () => {
  it('is what the page last read from its event, Beijing time when the event says none', async () => {
    const { setEventTimeZone } = await import('./clock');
    setEventTimeZone('Asia/Tokyo');
    expect(clockTime('2026-12-31T12:15:03Z')).toBe('21:15:03');
    setEventTimeZone(undefined);
    expect(clockTime('2026-12-31T12:15:03Z')).toBe('20:15:03');
  });
});

describe('eventLocalToIso', () => {
  it('reads a datetime-local value in the event’s zone, whatever the device’s', () => {
    expect(eventLocalToIso('2026-12-31T20:15', 'Asia/Shanghai')).toBe('2026-12-31T12:15:00.000Z');
    expect(eventLocalToIso('2026-12-31T20:15:30', 'Asia/Shanghai')).toBe('2026-12-31T12:15:30.000Z');
    expect(eventLocalToIso('2026-07-01T20:00', 'Europe/London')).toBe('2026-07-01T19:00:00.000Z');
    expect(eventLocalToIso('2026-12-01T20:00', 'Europe/London')).toBe('2026-12-01T20:00:00.000Z');
    expect(eventLocalToIso('2027-01-01T00:30', 'Asia/Shanghai')).toBe('2026-12-31T16:30:00.000Z');
  });

  it('is undefined for what is not a time', () => {
    for (const bad of ['', 'tonight', '2026-02-30T10:00', '2026-12-31T24:00', '2026-12-31 20:15']) {
      expect(eventLocalToIso(bad, 'Asia/Shanghai')).toBeUndefined();
    }
  });
});
