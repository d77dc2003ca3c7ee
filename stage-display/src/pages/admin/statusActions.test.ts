import { describe, expect, it } from 'vitest';
import { ACTION_LOOKS, statusActionPath, statusActions, statusHint, statusLabel } from './statusActions';

describe('statusActions', () => {
  it('rehearses or opens a draft, closes a live event and reopens a closed one', () => {
    expect(statusActions('draft')).toEqual(['rehearse', 'open']);
    expect(statusActions('live')).toEqual(['close']);
    expect(statusActions('closed')).toEqual(['reopen']);
  });

  it('offers only the reset from a rehearsal, never open (the server refuses it), and says to reset first', () => {
    expect(statusActions('rehearsal')).toEqual(['resetRehearsal']);
    expect(statusHint('rehearsal')).toBe('admin.rehearsalOpenHint');
    expect(statusHint('draft')).toBeUndefined();
    expect(statusLabel('rehearsal')).toBe('彩排中');
  });

  it('offers no action for a status it does not know', () => {
    expect(statusActions('something-new')).toEqual([]);
    expect(statusLabel('something-new')).toBe('something-new');
  });

  it('reopens through its own route, never through open; the rehearsal has its two routes', () => {
    expect(statusActionPath('reopen', 'city-2026')).toBe('/api/events/city-2026/reopen');
    expect(statusActionPath('open', 'city-2026')).toBe('/api/events/city-2026/open');
    expect(statusActionPath('close', 'a/b')).toBe('/api/events/a%2Fb/close');
    expect(statusActionPath('rehearse', 'city-2026')).toBe('/api/events/city-2026/rehearse');
    expect(statusActionPath('resetRehearsal', 'a/b')).toBe('/api/events/a%2Fb/rehearsal/reset');
  });

  it('asks before every status change, the first open and the rehearsal included', () => {
    for (const look of Object.values(ACTION_LOOKS)) expect(look.confirm.text).toMatch(/^admin\./);
  });
});
