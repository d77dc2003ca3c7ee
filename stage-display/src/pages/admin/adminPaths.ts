// The admin routes that lib/api's `paths` does not name yet (rehearsal, staff access, moderation);
// escaped the same way, so an event id with a slash stays one path segment.

import type { Schemas } from '../../lib/types';

export type StaffRole = Schemas['StaffRole'];

const e = encodeURIComponent;

export const adminPaths = {
  rehearse: (eventId: string) => `/api/events/${e(eventId)}/rehearse`,
  resetRehearsal: (eventId: string) => `/api/events/${e(eventId)}/rehearsal/reset`,
  staff: (eventId: string) => `/api/events/${e(eventId)}/staff`,
  staffCode: (eventId: string, role: StaffRole) => `/api/events/${e(eventId)}/staff/${e(role)}/code`,
  staffRevoke: (eventId: string, role: StaffRole) => `/api/events/${e(eventId)}/staff/${e(role)}/revoke`,
  moderationSettings: (eventId: string) => `/api/events/${e(eventId)}/moderation/settings`,
  /** The moderator's console (built by another page): exactly this address. */
  moderatorPage: (eventId: string) => `/moderate?event=${e(eventId)}`,
  controlPage: (eventId: string) => `/control/${e(eventId)}`,
};
