using System.Net;
using static CharityDay.Server.Tests.Authorization.RouteCase;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// The money: stage pledges (desk A's alone; the admin does not type at a desk), voids (the pledge's
/// desk or the admin), online orders (anyone; only the provider's signed notice counts), the total
/// (anyone) and the ledger (the admin's), and the load-test baselines, held to the same rules.
/// </summary>
internal static partial class RouteTable
{
    private static object StagePledge() => Pledges.Stage(MatrixWorld.DeskA, 1_000_000_00);

    private static RouteCase[] Money =>
    [
        Row("POST", "/api/events/{eventId}/pledges", Expect.ThisDeskOnly(HttpStatusCode.Created),
            w => Post($"/api/events/{w.E}/pledges", StagePledge())),
        Row("POST", "/api/events/{eventId}/pledges/{pledgeId}/void", Expect.ThisDeskOrAdmin(HttpStatusCode.OK),
            async (w, _) => Post($"/api/events/{w.E}/pledges/{await w.PledgeAtDeskAAsync()}/void", new { reason = "误录" })),
        Row("GET", "/api/events/{eventId}/desks/{deskId}/pledges", Expect.ThisDeskOrAdmin(HttpStatusCode.OK),
            w => Get($"/api/events/{w.E}/desks/{MatrixWorld.DeskA}/pledges")),
        Row("POST", "/api/events/{eventId}/pledges/similar", Expect.ThisDeskOnly(HttpStatusCode.OK),
            w => Post($"/api/events/{w.E}/pledges/similar", new { deskId = MatrixWorld.DeskA, donorName = "华夏集团", amountFen = 500_00 })),

        Row("POST", "/api/events/{eventId}/donations", Expect.Anyone(HttpStatusCode.Accepted),
            w => Post($"/api/events/{w.E}/donations", Donations.Body(100_00, "网友"))),
        // The donation id is the phone's own secret-enough handle (a client-made random id).
        Row("GET", "/api/events/{eventId}/donations/{donationId}", Expect.Anyone(HttpStatusCode.OK),
            async (w, _) => Get($"/api/events/{w.E}/donations/{(await w.OrderAsync()).DonationId}")),
        Row("GET", "/api/events/{eventId}/donation-orders", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/donation-orders")),
        // Trust comes from the provider's signature alone: no bearer, not even the admin's, makes an unsigned
        // notice count. The refusal is in WeChat Pay's format ({code, message}), for WeChat Pay.
        Row("POST", "/api/payments/wechatpay/notify", Expect.Anyone(HttpStatusCode.Unauthorized), async (w, _) => Post("/api/payments/wechatpay/notify",
            new { id = MatrixWorld.NewId(), event_type = "TRANSACTION.SUCCESS", resource_type = "encrypt-resource", resource = new { out_trade_no = (await w.OrderAsync()).OrderNo } }))
            with { RefusalsAreProblems = false },
        // The 演示收银台 (embedded mode only) is the donor's stand-in for the provider's page.
        Row("GET", "/pay/demo/{orderNo}", Expect.Anyone(HttpStatusCode.OK), async (w, _) => Get($"/pay/demo/{(await w.OrderAsync()).OrderNo}")),
        Row("POST", "/pay/demo/{orderNo}", Expect.Anyone(HttpStatusCode.Redirect), async (w, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/pay/demo/{(await w.OrderAsync()).OrderNo}") { Content = new FormUrlEncodedContent([]) }),

        Row("GET", "/api/events/{eventId}/total", Expect.Anyone(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/total")),
        Row("GET", "/api/events/{eventId}/ledger", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/ledger")),
        Row("GET", "/api/events/{eventId}/ledger.csv", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/ledger.csv")),
        Row("GET", "/api/events/{eventId}/audit", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/events/{w.E}/audit")),

        Row("POST", "/api/baselines/ceiling/events/{eventId}/pledges", Expect.ThisDeskOnly(HttpStatusCode.Created),
            w => Post($"/api/baselines/ceiling/events/{w.E}/pledges", StagePledge())),
        Row("POST", "/api/baselines/ceiling/events/{eventId}/donations", Expect.Anyone(HttpStatusCode.Created),
            w => Post($"/api/baselines/ceiling/events/{w.E}/donations", Donations.Body(100_00))),
        Row("POST", "/api/baselines/naive/events/{eventId}/pledges", Expect.ThisDeskOnly(HttpStatusCode.Created),
            w => Post($"/api/baselines/naive/events/{w.E}/pledges", StagePledge())),
        Row("POST", "/api/baselines/naive/events/{eventId}/donations", Expect.Anyone(HttpStatusCode.Created),
            w => Post($"/api/baselines/naive/events/{w.E}/donations", Donations.Body(100_00))),
        Row("GET", "/api/baselines/naive/events/{eventId}/total", Expect.AdminOnly(HttpStatusCode.OK), w => Get($"/api/baselines/naive/events/{w.E}/total")),
    ];
}
