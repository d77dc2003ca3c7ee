namespace CharityDay.LoadHarness.Check;

/// <summary>One pass/fail verdict of a run (correctness or threshold), with the figures behind it.</summary>
internal sealed record CheckOutcome(string Phase, string Name, bool Passed, string Detail)
{
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} [{Phase}] {Name}: {Detail}";
}
