namespace CharityDay.LoadHarness.Measure;

/// <summary>What happened in one second of a phase, for one scenario: filled from many threads.</summary>
internal sealed class SecondBucket
{
    /// <summary>Index 0 counts transport errors and timeouts; every other index is an HTTP status.</summary>
    private readonly long[] _statuses = new long[600];
    private long _ok;
    private long _failed;
    private long _created;
    private long _bytesSent;
    private long _bytesReceived;
    private long _pushes;
    private long _connections;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Pledge-to-screen: from a pledge's send to its sighting in a push to a big screen.</summary>
    public LatencyHistogram ScreenLatency { get; } = new();

    /// <summary>Pledge-to-phone: the same for a push to a phone viewer.</summary>
    public LatencyHistogram PhoneLatency { get; } = new();

    public long Ok => Volatile.Read(ref _ok);

    public long Failed => Volatile.Read(ref _failed);

    /// <summary>Answers 201: pledges newly made durable in this second.</summary>
    public long Created => Volatile.Read(ref _created);

    public long BytesSent => Volatile.Read(ref _bytesSent);

    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    public long Pushes => Volatile.Read(ref _pushes);

    /// <summary>Live connections (phones or screens) held when the second was sampled.</summary>
    public long Connections => Volatile.Read(ref _connections);

    public void RecordRequest(int status, double milliseconds, long sent, long received)
    {
        Interlocked.Increment(ref _statuses[status is > 0 and < 600 ? status : 0]);
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _ok);
            Latency.RecordMilliseconds(milliseconds);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }

        if (status == 201)
        {
            Interlocked.Increment(ref _created);
        }

        Interlocked.Add(ref _bytesSent, sent);
        Interlocked.Add(ref _bytesReceived, received);
    }

    public void RecordPush(long bytes)
    {
        Interlocked.Increment(ref _pushes);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    public void SampleConnections(long held) => Volatile.Write(ref _connections, held);

    public IEnumerable<(int Status, long Count)> Statuses()
    {
        for (var status = 0; status < _statuses.Length; status++)
        {
            var count = Volatile.Read(ref _statuses[status]);
            if (count > 0)
            {
                yield return (status, count);
            }
        }
    }
}
