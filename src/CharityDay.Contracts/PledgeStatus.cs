namespace CharityDay.Contracts;

/// <summary>A pledge stays confirmed until a void entry references it.</summary>
public enum PledgeStatus
{
    Confirmed = 0,
    Voided = 1,
}
