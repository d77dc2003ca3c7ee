using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CharityDay.Server.Tests;

/// <summary>
/// Body, URL and header limits answered as problem+json, in memory and on real Kestrel (where an
/// oversized body must be refused from its declared length, not read).
/// </summary>
public sealed class RequestLimitTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    private const int KB = 1024;

    [Fact]
    public async Task A_pledge_body_over_16_KB_is_413_problem_json()
    {
        var scene = await RefusalScene.StartAsync(app);
        var body = RefusalScene.PledgeJson(extra: $$""","note":"{{new string('x', 17 * KB)}}" """);

        var response = await scene.PostPledgeAsync(body);

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_pledge_body_just_under_16_KB_reaches_validation()
    {
        var scene = await RefusalScene.StartAsync(app);
        var body = RefusalScene.PledgeJson(extra: $$""","note":"{{new string('x', 15 * KB)}}" """);

        var response = await scene.PostPledgeAsync(body);

        await scene.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "note");
    }

    [Fact]
    public async Task Event_set_up_takes_more_than_a_pledge()
    {
        using var admin = app.Admin();
        var body = $$"""{"id":"strict-setup","title":"{{new string('x', 20 * KB)}}","goalFen":100,"tiersFen":[],"milestonesFen":[]}""";

        var response = await admin.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        // Past the 16 KB of a pledge, inside the 64 KB of set-up: the title's own rule answers.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"title\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_URL_over_8_KB_is_414_problem_json()
    {
        var scene = await RefusalScene.StartAsync(app);

        var response = await scene.Desk.PostAsync(scene.PledgesPath + "?pad=" + new string('a', 9 * KB), Json(RefusalScene.PledgeJson()));

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task Headers_over_32_KB_are_431_problem_json()
    {
        var scene = await RefusalScene.StartAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, scene.PledgesPath) { Content = Json(RefusalScene.PledgeJson()) };
        request.Headers.Add("X-Padding", new string('a', 33 * KB));

        var response = await scene.Desk.SendAsync(request);

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task On_Kestrel_an_8_MB_pledge_is_refused_from_its_length_without_being_read()
    {
        await using var kestrel = OnKestrel();
        var scene = await RefusalScene.StartAsync(kestrel);

        // Declares 8 MB and asks leave to send it (Expect: 100-continue, as curl does for big bodies). A server
        // that starts reading gets 1 MB and then nothing, and the test gives up after 30 s.
        using var content = new StalledContent(declared: 8 * KB * KB, sent: KB * KB);
        using var request = new HttpRequestMessage(HttpMethod.Post, scene.PledgesPath) { Content = content };
        request.Headers.ExpectContinue = true;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var raw = RawClient(scene.Desk);

        var response = await raw.SendAsync(request, giveUp.Token);

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(content.Started, "the server asked for the body");
    }

    [Fact]
    public async Task On_Kestrel_an_8_MB_pledge_sent_without_asking_is_answered_and_the_connection_closed()
    {
        await using var kestrel = OnKestrel();
        var scene = await RefusalScene.StartAsync(kestrel);
        var address = scene.Desk.BaseAddress!;
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = $"POST {scene.PledgesPath} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: {scene.Desk.DefaultRequestHeaders.Authorization}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {8 * KB * KB}\r\n\r\n";

        // Like a browser: the headers and the start of the body at once, then nothing more.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[64 * KB]);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = Encoding.UTF8.GetString(await ReadToCloseAsync(stream, giveUp.Token));

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(nothing was recorded)", answer, StringComparison.Ordinal);
        await scene.AssertUnchangedAsync();
    }

    [Fact]
    public async Task On_Kestrel_a_chunked_body_over_the_limit_is_413_problem_json()
    {
        await using var kestrel = OnKestrel();
        var scene = await RefusalScene.StartAsync(kestrel);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(
            RefusalScene.PledgeJson(extra: $$""","note":"{{new string('x', 40 * KB)}}" """))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, scene.PledgesPath) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var raw = RawClient(scene.Desk);

        var response = await raw.SendAsync(request);

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task On_Kestrel_a_20_KB_URL_is_414_problem_json()
    {
        await using var kestrel = OnKestrel();
        var scene = await RefusalScene.StartAsync(kestrel);

        var response = await scene.Desk.PostAsync(scene.PledgesPath + "?pad=" + new string('a', 20 * KB), Json(RefusalScene.PledgeJson()));

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task On_Kestrel_a_40_KB_header_is_431_problem_json()
    {
        await using var kestrel = OnKestrel();
        var scene = await RefusalScene.StartAsync(kestrel);
        using var request = new HttpRequestMessage(HttpMethod.Post, scene.PledgesPath) { Content = Json(RefusalScene.PledgeJson()) };
        request.Headers.Add("X-Padding", new string('a', 40 * KB));

        var response = await scene.Desk.SendAsync(request);

        await scene.AssertRefusedAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    private static CharityDayApp OnKestrel()
    {
        var kestrel = new CharityDayApp();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        return kestrel;
    }

    /// <summary>
    /// A plain client to the same server and bearer: the test client's redirect handler buffers a request
    /// body before sending it, so it would wait for a body that stalls, and never send one chunked.
    /// </summary>
    private static HttpClient RawClient(HttpClient desk)
    {
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        var raw = new HttpClient(handler) { BaseAddress = desk.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        raw.DefaultRequestHeaders.Authorization = desk.DefaultRequestHeaders.Authorization;
        return raw;
    }

    /// <summary>Everything the server sends until it closes the connection (a server waiting for the rest of the body never would).</summary>
    private static async Task<byte[]> ReadToCloseAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        return received.ToArray();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A body that declares more than it sends, then stalls until the request is given up.</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly long _declared;
        private readonly int _sent;

        public StalledContent(long declared, int sent)
        {
            (_declared, _sent) = (declared, sent);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public bool Started { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Started = true;
            var chunk = new byte[16 * KB];
            Array.Fill(chunk, (byte)' ');
            for (var written = 0; written < _sent; written += chunk.Length)
            {
                await stream.WriteAsync(chunk, cancellationToken);
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = _declared;
            return true;
        }
    }
}
