// One event-scoped staff role's access as the admin runs it (the moderator's, the screen controller's):
// its code, issued or rotated here and shown only in the answer that made it (the server keeps only a
// hash, as for a desk), and signing everyone in that role out.

import type { ApiResult } from '../../lib/api';
import type { Schemas } from '../../lib/types';
import { adminPaths } from './adminPaths';
import type { AdminCall } from './session';

type StaffRoleView = Schemas['StaffRoleView'];
type StaffAccessView = Schemas['StaffAccessView'];
export type StaffRole = Schemas['StaffRole'];

export class StaffAccess {
  /** Whether a code exists on the server; undefined until read. */
  hasCode: boolean | undefined;
  /** The code this tab was just given; never read back from the server. */
  shownCode: string | undefined;
  private eventId: string | undefined;

  constructor(protected readonly call: AdminCall, readonly role: StaffRole) {}

  forEvent(eventId: string): void {
    if (eventId === this.eventId) return;
    this.eventId = eventId;
    this.hasCode = undefined;
    this.shownCode = undefined;
    this.forgetEvent();
  }

  get selectedEventId(): string | undefined {
    return this.eventId;
  }

  async refresh(): Promise<ApiResult<unknown>> {
    const eventId = this.current();
    const roles = await this.call<StaffRoleView[]>(adminPaths.staff(eventId));
    if (roles.ok && eventId === this.eventId) this.hasCode = roles.body.some((role) => role.role === this.role && role.hasCode);
    return roles;
  }

  /** Issues the role's first code or rotates it: any old code stops working, those signed in stay. */
  async issueCode(): Promise<ApiResult<StaffAccessView>> {
    const eventId = this.current();
    const result = await this.call<StaffAccessView>(adminPaths.staffCode(eventId, this.role), { method: 'POST' });
    if (result.ok && eventId === this.eventId) {
      this.hasCode = true;
      this.shownCode = result.body.accessCode;
    }
    return result;
  }

  /** Every token of the role is refused from now on; the code itself stays valid for signing in again. */
  async revoke(): Promise<ApiResult<unknown>> {
    return this.call(adminPaths.staffRevoke(this.current(), this.role), { method: 'POST' });
  }

  /** What a role with more state forgets when the admin opens another event. */
  protected forgetEvent(): void {}

  protected current(): string {
    if (!this.eventId) throw new Error('No event is selected.');
    return this.eventId;
  }
}
