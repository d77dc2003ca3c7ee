// The audit of the selected event: the ledger's sum beside the live total, read every few seconds.

import { paths, type AuditReport } from '../../lib/api';
import type { AdminCall } from './session';

export class AuditStore {
  report: AuditReport | undefined;
  private eventId: string | undefined;

  constructor(private readonly call: AdminCall) {}

  forEvent(eventId: string): void {
    if (eventId === this.eventId) return;
    this.eventId = eventId;
    this.report = undefined;
  }

  async refresh(): Promise<void> {
    const eventId = this.eventId;
    if (!eventId) return;
    const result = await this.call<AuditReport>(paths.audit(eventId));
    if (result.ok && eventId === this.eventId) this.report = result.body;
  }
}
