namespace CharityDay.Server.Baselines;

/// <summary>
/// <c>CharityDay:Baselines</c>: the load harness's comparison routes. Off unless switched on, so a
/// production node never exposes them.
/// </summary>
public sealed class BaselineOptions
{
    public const string Section = "CharityDay:Baselines";

    /// <summary>Maps the no-op ceiling and the naive peer under <c>/api/baselines</c>.</summary>
    public bool Enabled { get; set; }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<BaselineOptions>()?.Enabled == true;
}
