// The selected event's moderation as the admin runs it: the moderator's access code (issued or rotated
// here, shown only in the answer that made it, as a desk's is) and the "moderate stage names too"
// setting. The moderator's own console is another page; this store only hands out its access.

import type { ApiResult } from '../../lib/api';
import type { Schemas } from '../../lib/types';
import { adminPaths } from './adminPaths';
import type { AdminCall } from './session';

type StaffRoleView = Schemas['StaffRoleView'];
type StaffAccessView = Schemas['StaffAccessView'];
type ModerationSettingsView = Schemas['ModerationSettingsView'];

const MODERATOR = 'moderator' satisfies Schemas['StaffRole'];

export class ModerationStore {
  /** Whether a moderator code exists on the server; undefined until read. */
  hasCode: boolean | undefined;
  /** The code this tab was just given; never read back from the server (it keeps only a hash). */
  shownCode: string | undefined;
  moderateStageNames: boolean | undefined;
  private eventId: string | undefined;

  constructor(private readonly call: AdminCall) {}

  forEvent(eventId: string): void {
    if (eventId === this.eventId) return;
    this.eventId = eventId;
    this.hasCode = undefined;
    this.shownCode = undefined;
    this.moderateStageNames = undefined;
  }

  get selectedEventId(): string | undefined {
    return this.eventId;
  }

  async refresh(): Promise<ApiResult<unknown>> {
    const eventId = this.current();
    const [roles, settings] = await Promise.all([
      this.call<StaffRoleView[]>(adminPaths.staff(eventId)),
      this.call<ModerationSettingsView>(adminPaths.moderationSettings(eventId)),
    ]);
    if (eventId !== this.eventId) return roles;
    if (roles.ok) this.hasCode = roles.body.some((role) => role.role === MODERATOR && role.hasCode);
    if (settings.ok) this.moderateStageNames = settings.body.moderateStageNames;
    return roles.ok ? settings : roles;
  }

  /** Issues the moderator's first code or rotates it: any old code stops working, signed-in moderators stay. */
  async issueCode(): Promise<ApiResult<StaffAccessView>> {
    const eventId = this.current();
    const result = await this.call<StaffAccessView>(adminPaths.staffCode(eventId, MODERATOR), { method: 'POST' });
    if (result.ok && eventId === this.eventId) {
      this.hasCode = true;
      this.shownCode = result.body.accessCode;
    }
    return result;
  }

  /** Every moderator token is refused from now on; the code itself stays valid for signing in again. */
  async revoke(): Promise<ApiResult<unknown>> {
    return this.call(adminPaths.staffRevoke(this.current(), MODERATOR), { method: 'POST' });
  }

  async setModerateStageNames(moderate: boolean): Promise<ApiResult<ModerationSettingsView>> {
    const eventId = this.current();
    const body: Schemas['ModerationSettingsRequest'] = { moderateStageNames: moderate };
    const result = await this.call<ModerationSettingsView>(adminPaths.moderationSettings(eventId), { method: 'PUT', body });
    if (result.ok && eventId === this.eventId) this.moderateStageNames = result.body.moderateStageNames;
    return result;
  }

  private current(): string {
    if (!this.eventId) throw new Error('No event is selected.');
    return this.eventId;
  }
}
