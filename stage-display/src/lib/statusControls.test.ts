import { describe, expect, it } from 'vitest';
import { needsConfirmation, statusAction, statusActionPath } from './statusControls';

describe('statusAction', () => {
  it('opens a draft, closes a live event and reopens a closed one', () => {
    expect(statusAction('draft')).toBe('open');
    expect(statusAction('live')).toBe('close');
    expect(statusAction('closed')).toBe('reopen');
  });

  it('reopens through its own route, never through open', () => {
    expect(statusActionPath(statusAction('closed'), 'city-2026')).toBe('/api/events/city-2026/reopen');
    expect(statusActionPath(statusAction('draft'), 'city-2026')).toBe('/api/events/city-2026/open');
    expect(statusActionPath(statusAction('live'), 'a/b')).toBe('/api/events/a%2Fb/close');
  });

  it('asks before closing or reopening, not before the first open', () => {
    expect(needsConfirmation('open')).toBe(false);
    expect(needsConfirmation('close')).toBe(true);
    expect(needsConfirmation('reopen')).toBe(true);
  });
});
