namespace CharityDay.Grains;

/// <summary>
/// Who a push is for. The stage's few big screens get every pledge quickly; thousands of phones get a
/// smaller push less often, so the cost of fan-out grows with the audience, not with the pledge rate.
/// </summary>
public enum LiveAudience
{
    /// <summary>The big screens behind the stage (<c>/screen/{eventId}</c>).</summary>
    Screens,

    /// <summary>Phone viewers of the event page (<c>/e/{eventId}</c>).</summary>
    Viewers,
}
