// The selected event's moderation as the admin runs it: the moderator's access code (StaffAccess)
// and the "moderate stage names too" setting. The moderator's own console is another page; this
// store only hands out its access.

import type { ApiResult } from '../../lib/api';
import type { Schemas } from '../../lib/types';
import { adminPaths } from './adminPaths';
import type { AdminCall } from './session';
import { StaffAccess } from './staffAccess';

type ModerationSettingsView = Schemas['ModerationSettingsView'];

export class ModerationStore extends StaffAccess {
  moderateStageNames: boolean | undefined;

  constructor(call: AdminCall) {
    super(call, 'moderator');
  }

  override async refresh(): Promise<ApiResult<unknown>> {
    const eventId = this.current();
    const [roles, settings] = await Promise.all([super.refresh(), this.call<ModerationSettingsView>(adminPaths.moderationSettings(eventId))]);
    if (eventId !== this.selectedEventId) return roles;
    if (settings.ok) this.moderateStageNames = settings.body.moderateStageNames;
    return roles.ok ? settings : roles;
  }

  async setModerateStageNames(moderate: boolean): Promise<ApiResult<ModerationSettingsView>> {
    const eventId = this.current();
    const body: Schemas['ModerationSettingsRequest'] = { moderateStageNames: moderate };
    const result = await this.call<ModerationSettingsView>(adminPaths.moderationSettings(eventId), { method: 'PUT', body });
    if (result.ok && eventId === this.selectedEventId) this.moderateStageNames = result.body.moderateStageNames;
    return result;
  }

  protected override forgetEvent(): void {
    this.moderateStageNames = undefined;
  }
}
