// The selected event's desks and their access. The server keeps only hashes of the codes, so a code is
// shown only in the answer that made it (a desk added, a code rotated); this store remembers those for
// the tab's life and never asks for a code again.

import { paths, type ApiResult, type DeskAccess, type DeskListing } from '../../lib/api';
import type { AdminCall } from './session';

export class DesksStore {
  desks: DeskListing[] = [];
  private eventId: string | undefined;
  private readonly shownCodes = new Map<string, string>();

  constructor(private readonly call: AdminCall) {}

  forEvent(eventId: string): void {
    if (eventId === this.eventId) return;
    this.eventId = eventId;
    this.desks = [];
  }

  /** The code this tab was given for the desk, if any. */
  codeOf(deskId: string): string | undefined {
    return this.shownCodes.get(this.codeKey(deskId));
  }

  nameOf(deskId: string): string | undefined {
    return this.desks.find((desk) => desk.deskId === deskId)?.name;
  }

  async refresh(): Promise<ApiResult<DeskListing[]>> {
    const eventId = this.current();
    const result = await this.call<DeskListing[]>(paths.desks(eventId));
    if (result.ok && eventId === this.eventId) this.desks = result.body;
    return result;
  }

  async add(deskId: string, name: string): Promise<ApiResult<DeskAccess>> {
    const eventId = this.current();
    const result = await this.call<DeskAccess>(paths.desks(eventId), { method: 'POST', body: { deskId, name } });
    if (result.ok) {
      this.shownCodes.set(this.codeKey(result.body.deskId, eventId), result.body.accessCode);
      await this.refresh();
    }
    return result;
  }

  /** A new code; the old one stops working, operators already signed in stay. */
  async rotate(deskId: string): Promise<ApiResult<DeskAccess>> {
    const eventId = this.current();
    const result = await this.call<DeskAccess>(paths.deskCode(eventId, deskId), { method: 'POST' });
    if (result.ok) this.shownCodes.set(this.codeKey(deskId, eventId), result.body.accessCode);
    return result;
  }

  /** Every token of the desk is refused from now on: its operators sign in again. */
  async revoke(deskId: string): Promise<ApiResult<unknown>> {
    return this.call(paths.deskRevoke(this.current(), deskId), { method: 'POST' });
  }

  private codeKey(deskId: string, eventId = this.eventId): string {
    return `${eventId ?? ''}/${deskId}`;
  }

  private current(): string {
    if (!this.eventId) throw new Error('No event is selected.');
    return this.eventId;
  }
}
