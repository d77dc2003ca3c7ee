import { describe, expect, it } from 'vitest';
import { nextRollOffset } from './rollMotion';

describe('nextRollOffset', () => {
  it('climbs at the given speed', () => {
    expect(nextRollOffset(100, 0.1, 40, 2000, 600)).toBeCloseTo(104);
  });

  it('stands at the top while the roll fits the wall, to the pixel', () => {
    expect(nextRollOffset(350, 0.1, 40, 600, 600)).toBe(0);
    expect(nextRollOffset(350, 0.1, 40, 601, 600)).toBe(0);
  });

  it('shows the last screenful of a roll that shrank below where it stood, never an empty wall', () => {
    expect(nextRollOffset(1900, 0.1, 40, 1500, 600)).toBe(900);
  });

  it('comes in again from below once its last line has left the top, never from a full wall', () => {
    expect(nextRollOffset(1999, 0.1, 40, 2000, 600)).toBe(-600);
    expect(nextRollOffset(-600, 0.1, 40, 2000, 600)).toBeCloseTo(-596);
  });

  it('moves a long frame (a tab in the background) a quarter second only', () => {
    expect(nextRollOffset(0, 30, 40, 2000, 600)).toBeCloseTo(10);
    expect(nextRollOffset(50, -1, 40, 2000, 600)).toBe(50);
  });

  it('keeps its place when the roll grows (a new name) while it climbs', () => {
    const before = nextRollOffset(900, 0.1, 40, 2000, 600);
    const after = nextRollOffset(900, 0.1, 40, 2080, 600);
    expect(after).toBe(before);
  });
});
