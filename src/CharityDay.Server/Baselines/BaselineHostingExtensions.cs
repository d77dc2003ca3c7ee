using CharityDay.Server.Baselines;

namespace CharityDay.Server.Hosting;

/// <summary>
/// Wires the load-test baselines when <c>CharityDay:Baselines:Enabled</c> is true, and nothing at all
/// otherwise: their routes then answer 404 like any unknown path.
/// </summary>
public static class BaselineHostingExtensions
{
    public static void AddCharityDayBaselines(this IHostApplicationBuilder builder)
    {
        if (!BaselineOptions.IsEnabled(builder.Configuration))
        {
            return;
        }

        builder.Services.AddSingleton<NaivePeerStore>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NaivePeerStore>());
    }

    public static void MapCharityDayBaselines(this WebApplication app)
    {
        if (!BaselineOptions.IsEnabled(app.Configuration))
        {
            return;
        }

        app.Logger.LogWarning("Load-test baselines are enabled under /api/baselines: never on a production node");
        var baselines = app.MapGroup("/api/baselines").WithTags("Baselines").ExcludeFromDescription();
        baselines.MapCeilingBaseline();
        baselines.MapNaivePeerBaseline();
    }
}
