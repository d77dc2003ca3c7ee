namespace CharityDay.LoadHarness.Load;

/// <summary>The load simulations of NBomber's vocabulary, open model (inject) and closed model (constant).</summary>
internal enum LoadStepKind
{
    /// <summary>Open model: start this many requests per second, whatever the server does.</summary>
    Inject,

    /// <summary>Open model: move the injection rate linearly to the step's level.</summary>
    RampInject,

    /// <summary>Closed model: keep this many copies running back to back.</summary>
    Constant,

    /// <summary>Closed model: move the number of copies linearly to the step's level.</summary>
    RampConstant,

    /// <summary>Nothing runs.</summary>
    Pause,
}
