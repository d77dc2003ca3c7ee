using System.Net;
using CharityDay.Testing;

namespace CharityDay.LoadHarness.Run;

/// <summary>
/// Where the run's online donations are paid. An embedded server pays them at its own 演示收银台; a
/// server on PostgreSQL is a production node, so the harness plays WeChat Pay for it — the stand-in,
/// with the keys it gave the server it starts, or those a local cluster was made with
/// (<c>DIR/wechatpay</c>) — and its signed notices are what put the donations in the ledger.
/// </summary>
internal sealed class HarnessPayments : IAsyncDisposable
{
    private readonly WeChatPayStandIn? _standIn;

    private HarnessPayments(WeChatPayStandIn? standIn, int? serverPort, IReadOnlyDictionary<string, string> serverSettings)
    {
        _standIn = standIn;
        ServerPort = serverPort;
        ServerSettings = serverSettings;
    }

    /// <summary>The port the started server must listen on (its notify URL names it), when the stand-in pays.</summary>
    public int? ServerPort { get; }

    /// <summary>The <c>Payments__*</c> environment of the server the harness starts.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; }

    /// <summary>Pays an order at the stand-in: 201 once its notice was taken, else the notice's answer; null: pay at the demo cashier.</summary>
    public Func<string, Task<int>>? PayAtProvider => _standIn is null ? null : PayAsync;

    public static HarnessPayments DemoCashier() => new(null, null, new Dictionary<string, string>());

    /// <summary>For a PostgreSQL server the harness starts: fresh keys, the stand-in on a free port, the settings that point the server at it.</summary>
    public static async Task<HarnessPayments> ForStartedServerAsync()
    {
        var standIn = await WeChatPayStandIn.StartAsync(WeChatPayStandInKeys.Generate());
        var port = FreePort.Next();
        var settings = WeChatPayStandIn.ServerSettings(standIn.Keys, new Uri($"http://127.0.0.1:{port}/api/payments/wechatpay/notify"), standIn.BaseUrl)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        return new HarnessPayments(standIn, port, settings);
    }

    /// <summary>For a local cluster: the stand-in on the port its nodes were told, with the keys in its folder; the demo cashier when it has none.</summary>
    public static async Task<HarnessPayments> ForClusterAsync(string clusterDirectory)
    {
        if (WeChatPayStandInFolder.Read(clusterDirectory) is not var (keys, port))
        {
            return DemoCashier();
        }

        Console.WriteLine($"  playing WeChat Pay for the cluster on 127.0.0.1:{port} (keys in {Path.Combine(clusterDirectory, WeChatPayStandInFolder.Name)})");
        return new HarnessPayments(await WeChatPayStandIn.StartAsync(keys, port), null, new Dictionary<string, string>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }

    private async Task<int> PayAsync(string orderNo)
    {
        var answer = await _standIn!.PayAsync(orderNo);
        return answer is HttpStatusCode.NoContent or HttpStatusCode.OK ? 201 : (int)answer;
    }
}
