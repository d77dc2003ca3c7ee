import { describe, expect, it } from 'vitest';
import { ACTION_LOOKS, statusAction, statusActionPath, statusLabel } from './statusActions';

describe('statusAction', () => {
  it('opens a draft, closes a live event and reopens a closed one', () => {
    expect(statusAction('draft')).toBe('open');
    expect(statusAction('live')).toBe('close');
    expect(statusAction('closed')).toBe('reopen');
  });

  it('offers no action for a status it does not know', () => {
    expect(statusAction('rehearsal')).toBeUndefined();
    expect(statusLabel('something-new')).toBe('something-new');
    expect(statusLabel('rehearsal')).toBe('彩排中');
  });

  it('reopens through its own route, never through open', () => {
    expect(statusActionPath('reopen', 'city-2026')).toBe('/api/events/city-2026/reopen');
    expect(statusActionPath('open', 'city-2026')).toBe('/api/events/city-2026/open');
    expect(statusActionPath('close', 'a/b')).toBe('/api/events/a%2Fb/close');
  });

  it('asks before every status change, the first open included', () => {
    for (const look of Object.values(ACTION_LOOKS)) expect(look.confirm.text).toMatch(/^admin\./);
  });
});
