import { describe, expect, it } from 'vitest';
import { snapshot, totalShow } from './liveClient.fixtures';
import { eventIdFromLocation, isConfigurationChange } from './publicEvent';
import type { TotalSnapshot } from './types';

describe('eventIdFromLocation', () => {
  const at = (pathname: string, search = '') => eventIdFromLocation({ pathname, search });

  it('reads the id from the page routes', () => {
    expect(at('/screen/demo')).toBe('demo');
    expect(at('/screen/demo/')).toBe('demo');
    expect(at('/e/city-gala-2026')).toBe('city-gala-2026');
    expect(at('/e/%E6%85%88')).toBe('慈');
    expect(at('/e/%E6')).toBe('%E6');
  });

  it('takes ?event= (the dev server) and is empty without an id', () => {
    expect(at('/screen.html', '?event=demo')).toBe('demo');
    expect(at('/screen.html')).toBe('');
    expect(at('/screen/')).toBe('');
    expect(at('/')).toBe('');
  });
});

describe('isConfigurationChange', () => {
  it('is true only when the version moved without the money', () => {
    expect(isConfigurationChange(null, snapshot(2))).toBe(false);
    expect(isConfigurationChange(snapshot(2), snapshot(3, { totalFen: 200_00, pledgeCount: 2 }))).toBe(true);
    expect(isConfigurationChange(snapshot(2), snapshot(3))).toBe(false);
    expect(isConfigurationChange(snapshot(2), snapshot(2))).toBe(false);
  });

  it('is false when only the scene on the big screen moved: thousands of phones must not all fetch the event per press', () => {
    const money = { totalFen: 200_00, pledgeCount: 2 };
    expect(isConfigurationChange(snapshot(2), snapshot(3, { ...money, show: { ...totalShow, scene: 'thanks' } }))).toBe(false);
    expect(isConfigurationChange(snapshot(2), snapshot(3, { ...money, show: { ...totalShow, celebrationCue: 1, celebrationFen: 100 } }))).toBe(false);
  });
});

describe('isConfigurationChange and rehearsal', () => {
  const rehearsing = (version: number, rehearsal: boolean | undefined, money: number) =>
    ({ ...snapshot(version, { totalFen: money, pledgeCount: money === 0 ? 0 : 1 }), rehearsal }) as TotalSnapshot; // an older node's snapshot may lack the flag

  it('is true when a reset ended the rehearsal, though the money moved too', () => {
    expect(isConfigurationChange(rehearsing(5, true, 300_00), rehearsing(6, false, 0))).toBe(true);
  });

  it('takes a missing flag as saying nothing', () => {
    expect(isConfigurationChange(rehearsing(5, false, 300_00), rehearsing(6, undefined, 400_00))).toBe(false);
    expect(isConfigurationChange(rehearsing(5, undefined, 300_00), rehearsing(6, true, 400_00))).toBe(false);
    expect(isConfigurationChange(rehearsing(5, true, 300_00), rehearsing(6, true, 400_00))).toBe(false);
  });
});
