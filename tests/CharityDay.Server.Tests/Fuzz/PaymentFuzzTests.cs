using System.Text.Json;
using CsCheck;
using Xunit.Abstractions;

namespace CharityDay.Server.Tests.Fuzz;

/// <summary>
/// Fuzz of the provider's notify route on a server on WeChat Pay (the stand-in plays it). Its refusals
/// are WeChat Pay's <c>{"code":"FAIL","message":…}</c> with a 4xx by design (problem+json only where the
/// request limit answers before the route), never a 5xx, and never a change to the ledger or the orders;
/// only the genuine notice is taken.
/// </summary>
public sealed class PaymentFuzzTests(PaymentFuzzTests.NoticeScene scene, ITestOutputHelper output) : IClassFixture<PaymentFuzzTests.NoticeScene>
{
    [Fact]
    public Task Payment_notices() => FuzzRun.SampleAsync(
        NoticeCases.All.Select(c => new FuzzRequest("notify", HttpMethod.Post, new FuzzPath("notify", Expect.Accept, NoticeScene.NotifyUrl.AbsolutePath),
            FuzzBody.None with { Label = c.ToString() }, Caller.Anonymous, c.Expect) { Notice = c }),
        scene.CheckAsync, output, "notify", scene.TakeTally);

    /// <summary>A live event with two orders the stand-in took; notices are built for either, at send time.</summary>
    public sealed class NoticeScene : IAsyncLifetime
    {
        public static readonly Uri NotifyUrl = new("http://localhost/api/payments/wechatpay/notify");

        private readonly Dictionary<int, int> _answers = [];
        private WeChatPayStandIn _standIn = null!;
        private CharityDayApp _app = null!;
        private NoticeKit[] _kits = [];
        private WriteState _state = null!;

        private string EventId { get; } = "fz-pay-" + Guid.NewGuid().ToString("N")[..8];

        public async Task InitializeAsync()
        {
            _standIn = await WeChatPayStandIn.StartAsync(WeChatPayStandInKeys.Generate());
            _app = CharityDayApp.With([.. WeChatPayStandIn.ServerSettings(_standIn.Keys, NotifyUrl, _standIn.BaseUrl).Select(s => (s.Key, s.Value))]);
            _standIn.NotifyClient = _app.CreateClient();
            await _app.CreateLiveEventAsync(EventId);
            using var phone = _app.Anonymous();
            var orders = new List<NoticeKit>();
            foreach (var amountFen in new[] { 88_00L, 1_288_00L })
            {
                var order = await Donations.OrderAsync(phone, EventId, Donations.Body(amountFen, "网友丙"));
                orders.Add(new NoticeKit(_standIn.Keys, _standIn.Orders[order.GetProperty("orderNo").GetString()!]));
            }

            _kits = [.. orders];
            _state = await WriteState.SettledAsync(_app, EventId, EventId);
        }

        internal string TakeTally()
        {
            var tally = string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}"));
            _answers.Clear();
            return tally;
        }

        /// <summary>Never 5xx; a 2xx only for what may be taken; a 4xx is FAIL with a message and changes nothing.</summary>
        internal async Task CheckAsync(FuzzRequest request)
        {
            var before = _state;
            var notice = request.Notice!.Build(_kits[request.Notice.Order]);
            using var client = _app.CreateClient();
            using var response = await client.SendAsync(notice.ToRequest(NotifyUrl));
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            _answers[status] = _answers.GetValueOrDefault(status) + 1;
            try
            {
                Assert.True(status < 500, $"{status}: {text}");
                if (status < 400)
                {
                    Assert.True(request.Expect != Expect.Refuse, $"taken ({status}) but must be refused: {text}");
                    _state = await WriteState.SettledAsync(_app, EventId, EventId);
                    return;
                }

                Assert.True(request.Expect != Expect.Accept, $"refused ({status}) but must be taken: {text}");
                if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                {
                    Assert.Contains(status, new[] { 413, 414, 431 });
                }
                else
                {
                    var refusal = JsonDocument.Parse(text).RootElement;
                    Assert.Equal("FAIL", refusal.GetProperty("code").GetString());
                    Assert.False(string.IsNullOrWhiteSpace(refusal.GetProperty("message").GetString()), text);
                }

                var after = await WriteState.ReadAsync(_app, EventId, EventId);
                Assert.True(after == before, $"a refusal ({status}) changed the state:\n before {before}\n after  {after}");
            }
            catch
            {
                _state = await WriteState.SettledAsync(_app, EventId, EventId);
                throw;
            }
        }

        public async Task DisposeAsync()
        {
            _standIn.NotifyClient.Dispose();
            await _app.DisposeAsync();
            await _standIn.DisposeAsync();
        }
    }
}
