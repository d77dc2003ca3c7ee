// The list of events and the one the admin is looking at: its set-up, its big-screen settings and its
// status. Every change is the server's answer, never a local guess.

import { paths, type ApiResult, type EventSummary, type EventView } from '../../lib/api';
import type { Schemas, ScreenSettings } from '../../lib/types';
import type { AdminCall } from './session';
import type { EventSetup } from './setup';
import { statusActionPath, type StatusAction } from './statusActions';

export class EventsStore {
  events: EventSummary[] = [];
  selected: EventView | undefined;

  constructor(private readonly call: AdminCall) {}

  async refresh(): Promise<void> {
    const result = await this.call<EventSummary[]>(paths.events());
    if (result.ok) this.events = result.body;
  }

  /** Reads one event; the selection changes only when the server has it. */
  async select(eventId: string): Promise<ApiResult<EventView>> {
    const result = await this.call<EventView>(paths.event(eventId));
    if (result.ok) this.selected = result.body;
    return result;
  }

  deselect(): void {
    this.selected = undefined;
  }

  async create(eventId: string, setup: EventSetup): Promise<ApiResult<EventView>> {
    const result = await this.call<EventView>(paths.events(), { method: 'POST', body: { id: eventId, ...setup } });
    if (result.ok) await this.refresh();
    return result;
  }

  async save(setup: EventSetup): Promise<ApiResult<EventView>> {
    return this.answer(await this.call<EventView>(paths.event(this.current().id), { method: 'PUT', body: setup }), true);
  }

  async saveScreen(settings: ScreenSettings): Promise<ApiResult<EventView>> {
    const event = this.current();
    const body: Schemas['ScreenRequest'] = settings;
    return this.answer(await this.call<EventView>(paths.screen(event.id), { method: 'PUT', body }), false);
  }

  async changeStatus(action: StatusAction): Promise<ApiResult<EventView>> {
    return this.answer(await this.call<EventView>(statusActionPath(action, this.current().id), { method: 'POST' }), true);
  }

  private async answer(result: ApiResult<EventView>, listChanged: boolean): Promise<ApiResult<EventView>> {
    if (result.ok && result.body.id === this.selected?.id) this.selected = result.body;
    if (result.ok && listChanged) await this.refresh();
    return result;
  }

  private current(): EventView {
    if (!this.selected) throw new Error('No event is selected.');
    return this.selected;
  }
}
