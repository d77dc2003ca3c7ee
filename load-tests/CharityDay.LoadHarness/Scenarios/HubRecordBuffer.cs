using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace CharityDay.LoadHarness.Scenarios;

/// <summary>
/// Cuts what one WebSocket receives into hub protocol records. The separator 0x1E, not the WebSocket
/// message, ends a record: one record may span frames and one frame may hold several. One buffer, grown
/// when a record outgrows it and reused for the connection's life, so a push costs no allocation.
/// </summary>
internal sealed class HubRecordBuffer
{
    private byte[] _bytes = new byte[4096];
    private int _start;
    private int _filled;
    private long _lastReceived = Stopwatch.GetTimestamp();

    /// <summary>Since the server was last heard from (any frame, pings included).</summary>
    public TimeSpan SilentFor => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastReceived));

    /// <summary>Forgets what a previous connection left.</summary>
    public void Clear()
    {
        _start = 0;
        _filled = 0;
        Volatile.Write(ref _lastReceived, Stopwatch.GetTimestamp());
    }

    /// <summary>A record returned by <see cref="NextAsync"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Span(Range record) => _bytes.AsSpan(record);

    /// <summary>The next whole record (without its separator), receiving frames until one is complete; null when the server closed.</summary>
    /// <remarks>Pooled: nearly every call waits for a frame, and thousands of phones receive several a second.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Range?> NextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _bytes.AsSpan(_start, _filled - _start).IndexOf(HubWire.RecordSeparator);
            if (end >= 0)
            {
                var record = new Range(_start, _start + end);
                _start += end + 1;
                return record;
            }

            // Only now is the previous record done with: keep the unfinished tail at the front.
            if (_start > 0)
            {
                _bytes.AsSpan(_start, _filled - _start).CopyTo(_bytes);
                _filled -= _start;
                _start = 0;
            }

            if (_filled == _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            var received = await socket.ReceiveAsync(_bytes.AsMemory(_filled), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _filled += received.Count;
            Volatile.Write(ref _lastReceived, Stopwatch.GetTimestamp());
        }
    }
}
