using System.Diagnostics;

namespace CharityDay.LoadHarness.Measure;

/// <summary>
/// One pledge or donation the harness made, with its id, body and send time (the scheduled start in
/// the open model), and the answers it received.
/// </summary>
internal sealed class SentPledge(string id, bool isDonation, int desk, long amountFen, long sentAt, byte[] body)
{
    private int _fate;
    private int _created;
    private int _replayed;
    private int _conflicts;
    private int _seenOnScreen;
    private int _seenOnPhone;
    private int _firstStatus = -1;
    private long _acknowledgedAt;
    private int _paid;
    private long _paymentStartedAt;

    public string Id { get; } = id;

    public bool IsDonation { get; } = isDonation;

    public int Desk { get; } = desk;

    public long AmountFen { get; } = amountFen;

    public long SentAt { get; } = sentAt;

    public byte[] Body { get; } = body;

    public PledgeFate Fate => (PledgeFate)Volatile.Read(ref _fate);

    /// <summary>Answers 201: more than one would mean the pledge was counted twice.</summary>
    public int Created => Volatile.Read(ref _created);

    public int Replayed => Volatile.Read(ref _replayed);

    /// <summary>Answers 409 to a send with the very same content: a broken idempotency promise.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>The answer to the very first send (0: a timeout or a broken connection), -1 before it came.</summary>
    public int FirstStatus => Volatile.Read(ref _firstStatus);

    /// <summary>The first send was not answered definitely (5xx, 429, a timeout): the client had to retry.</summary>
    public bool FirstAttemptFailed => IsRetryable(FirstStatus);

    /// <summary>When the first acknowledgement (201 or 200) arrived, as a <see cref="Stopwatch"/> timestamp; 0 before.</summary>
    public long AcknowledgedAt => Volatile.Read(ref _acknowledgedAt);

    public bool SeenOnScreen => Volatile.Read(ref _seenOnScreen) != 0;

    public bool SeenOnPhone => Volatile.Read(ref _seenOnPhone) != 0;

    /// <summary>
    /// Where its screen and phone latency count from: when the money became real — the send of a stage
    /// pledge, the payment of an online donation (an unpaid order is on no screen, rightly).
    /// </summary>
    public long ScreenFrom => IsDonation && Volatile.Read(ref _paymentStartedAt) is > 0 and var paid ? paid : SentAt;

    /// <summary>The first time the donation's payment was sent to the server (its notice, or the demo cashier's button).</summary>
    public void MarkPaymentStarted(long at) => Interlocked.CompareExchange(ref _paymentStartedAt, at, 0);

    /// <summary>True for the first payment of this donation taken by the server, false for every later one.</summary>
    public bool TakePayment() => Interlocked.Exchange(ref _paid, 1) == 0;

    /// <summary>What a client retries with the same id: no answer, a 5xx ("retry with the same id"), 429 or 408.</summary>
    public static bool IsRetryable(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>Takes in one answer; true when it is the pledge's first acknowledgement.</summary>
    public bool Answered(int status, long at)
    {
        Interlocked.CompareExchange(ref _firstStatus, status, -1);
        var first = status is 200 or 201 && Interlocked.CompareExchange(ref _acknowledgedAt, at, 0) == 0;

        switch (status)
        {
            case 201:
                Interlocked.Increment(ref _created);
                Volatile.Write(ref _fate, (int)PledgeFate.Acknowledged);
                break;
            case 200:
                Interlocked.Increment(ref _replayed);
                Volatile.Write(ref _fate, (int)PledgeFate.Acknowledged);
                break;
            case 409:
                Interlocked.Increment(ref _conflicts);
                Settle(PledgeFate.Refused);
                break;
            case >= 400 and < 500:
                Settle(PledgeFate.Refused);
                break;
            default:
                // 5xx, a timeout or a broken connection: the server may or may not hold it.
                Settle(PledgeFate.Unknown);
                break;
        }

        return first;
    }

    /// <summary>A sighting in a push to a big screen or a phone (a phone's push carries only the 5 newest).</summary>
    public void MarkSeen(bool onScreen)
    {
        if (onScreen)
        {
            Volatile.Write(ref _seenOnScreen, 1);
        }
        else
        {
            Volatile.Write(ref _seenOnPhone, 1);
        }
    }

    private void Settle(PledgeFate fate)
    {
        // An acknowledgement is final; a later failure of a duplicate does not undo it.
        Interlocked.CompareExchange(ref _fate, (int)fate, (int)PledgeFate.Pending);
        if (fate == PledgeFate.Refused)
        {
            Interlocked.CompareExchange(ref _fate, (int)fate, (int)PledgeFate.Unknown);
        }
    }
}
