import { describe, expect, it } from 'vitest';
import { clock } from './clock';

describe('clock', () => {
  it('shows local time, 24-hour, to the second', () => {
    expect(clock(new Date(2026, 11, 2, 9, 5, 7).toISOString())).toBe('09:05:07');
    expect(clock(new Date(2026, 11, 2, 21, 30, 0).toISOString())).toBe('21:30:00');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(clock('')).toBe('');
    expect(clock('not a time')).toBe('');
  });
});
