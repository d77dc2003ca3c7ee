namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// The server the authorization matrix runs against: every route mapped (the load-test baselines
/// switched on, the 演示收银台 as provider, stand-in pages so a page route answers as when built) and
/// the abuse limits raised far above the matrix's few hundred requests from one address.
/// </summary>
public sealed class MatrixApp : IAsyncLifetime
{
    private static readonly string[] PageFiles = ["index.html", "screen.html", "viewer.html", "operator.html", "moderate.html", "control.html", "admin.html"];

    private readonly string _pages = Path.Combine(Path.GetTempPath(), "charityday-matrix-pages", Guid.NewGuid().ToString("N"));

    public MatrixApp()
    {
        App = CharityDayApp.With(
            ("CharityDay:Baselines:Enabled", "true"),
            ("CharityDay:StageDisplayPath", _pages),
            ("CharityDay:RateLimits:SignInBurst", "100000"),
            ("CharityDay:RateLimits:SignInsPerSecond", "10000"),
            ("CharityDay:RateLimits:DonationOrderBurst", "1000000"),
            ("CharityDay:RateLimits:HubConnectionBurst", "1000000"));
    }

    public CharityDayApp App { get; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_pages);
        foreach (var page in PageFiles)
        {
            await File.WriteAllTextAsync(Path.Combine(_pages, page), $"<!doctype html><meta charset=\"utf-8\"><title>{page}</title>");
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_pages, recursive: true);
    }
}
