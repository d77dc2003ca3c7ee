import { HttpTransportType, HubConnection, HubConnectionBuilder, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubConnection, HUB_URL, RECONNECT_DELAYS_MS, reconnectDelayMs } from './liveHub';

describe('createHubConnection', () => {
  beforeEach(() => {
    // Outside a browser the relative hub address cannot be resolved: what is checked is what the
    // builder is told, and the build itself is left out.
    vi.spyOn(HubConnectionBuilder.prototype, 'build').mockReturnValue({} as HubConnection);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens a WebSocket straight away, without the negotiate request, so any node can take it', () => {
    const withUrl = vi.spyOn(HubConnectionBuilder.prototype, 'withUrl');
    createHubConnection();
    expect(withUrl).toHaveBeenCalledTimes(1);
    expect(withUrl).toHaveBeenCalledWith(HUB_URL, { skipNegotiation: true, transport: HttpTransportType.WebSockets });
  });

  it('reconnects by itself with the listed delays, and never gives up', () => {
    const withAutomaticReconnect = vi.spyOn(HubConnectionBuilder.prototype, 'withAutomaticReconnect');
    createHubConnection();
    const policy = withAutomaticReconnect.mock.calls[0]?.[0] as IRetryPolicy | undefined;
    expect(policy?.nextRetryDelayInMilliseconds).toBeTypeOf('function');
    const delay = (previousRetryCount: number) =>
      policy?.nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds: previousRetryCount * 60_000 } as RetryContext);
    expect([0, 1, 2, 3, 4, 5, 500].map(delay)).toEqual([0, 1_000, 2_000, 5_000, 10_000, 10_000, 10_000]);
  });
});

describe('reconnectDelayMs', () => {
  it('tries again every 10 s after the listed delays, never giving up', () => {
    expect(RECONNECT_DELAYS_MS.map((_, i) => reconnectDelayMs(i))).toEqual([0, 1_000, 2_000, 5_000, 10_000]);
    expect(reconnectDelayMs(5)).toBe(10_000);
    expect(reconnectDelayMs(10_000)).toBe(10_000);
  });
});
