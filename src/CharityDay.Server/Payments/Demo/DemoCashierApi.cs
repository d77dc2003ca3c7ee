using CharityDay.Grains.Orders;
using CharityDay.Server.Endpoints;

namespace CharityDay.Server.Payments.Demo;

/// <summary>
/// <c>/pay/demo/{orderNo}</c>: where the phone page's redirect lands when the 演示收银台 is the provider.
/// GET shows the order; POST 「模拟支付」 has <see cref="DemoCashier"/> send the signed notice, then
/// returns the donor to the phone page, which then sees the order paid.
/// </summary>
public static class DemoCashierApi
{
    public const string PathPrefix = "/pay/demo/";

    private const string Headers = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapDemoCashier(this WebApplication app)
    {
        if (app.Services.GetService<DemoCashier>() is null)
        {
            return; // a real provider (or none): there is no demo cashier to serve
        }

        app.MapGet(PathPrefix + "{orderNo}", ShowAsync).ExcludeFromDescription();
        app.MapPost(PathPrefix + "{orderNo}", PayAsync).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(string orderNo, string? redirect_url, HttpContext context,
        SqlDonationOrders orders, EventCatalog catalog, TimeProvider clock)
    {
        if (await orders.FindByTradeNoAsync(orderNo, context.RequestAborted) is not { } order)
        {
            return Html(context, DemoCashierPage.Refused("订单不存在 (no such order)", "请回到捐款页重新下单。", "/"), StatusCodes.Status404NotFound);
        }

        var back = BackUrl(context, order, redirect_url);
        if (Unpayable(order, clock.GetUtcNow(), back) is { } refused)
        {
            return Html(context, refused, StatusCodes.Status409Conflict);
        }

        var title = (await catalog.FindAsync(order.EventId))?.Title ?? order.EventId;
        return Html(context, DemoCashierPage.Order(order, title, PathPrefix + order.OutTradeNo, back), StatusCodes.Status200OK);
    }

    private static async Task<IResult> PayAsync(string orderNo, HttpContext context, SqlDonationOrders orders, DemoCashier cashier, TimeProvider clock)
    {
        if (await ReadFormAsync(context) is not { } form)
        {
            return Html(context, DemoCashierPage.Refused("表单无法读取 (the form could not be read)", "未支付，也未计入善款。请回到捐款页重试。", "/"), StatusCodes.Status400BadRequest);
        }

        if (await orders.FindByTradeNoAsync(orderNo, context.RequestAborted) is not { } order)
        {
            return Html(context, DemoCashierPage.Refused("订单不存在 (no such order)", "请回到捐款页重新下单。", "/"), StatusCodes.Status404NotFound);
        }

        var back = BackUrl(context, order, form["back"].ToString());
        if (Unpayable(order, clock.GetUtcNow(), back) is { } refused)
        {
            return Html(context, refused, StatusCodes.Status409Conflict);
        }

        var outcome = await cashier.PayAsync(order, context.RequestAborted);
        return outcome.IsTaken
            ? Results.Redirect(back, permanent: false, preserveMethod: false)
            : Html(context, DemoCashierPage.Refused("支付通知未被接受 (the notice was refused)", outcome.Refusal!, back), outcome.StatusCode);
    }

    /// <summary>The posted form (empty when none was sent), or null when what was sent cannot be read as one: that is the sender's mistake, not a server error.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception error) when (error is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    private static string? Unpayable(DonationOrder order, DateTimeOffset now, string back) =>
        order.IsPaid
            ? DemoCashierPage.Refused("此订单已支付 (already paid)", $"收据号 {order.OutTradeNo}", back)
            : order.IsExpiredAt(now)
                ? DemoCashierPage.Refused("订单已过期 (expired)", "未扣款，也未计入善款。请回到捐款页重新捐款。", back)
                : null;

    /// <summary>Back to the phone page: the given address only when it is this site's phone page, so the cashier redirects nowhere else.</summary>
    private static string BackUrl(HttpContext context, DonationOrder order, string? requested)
    {
        var fallback = $"/e/{Uri.EscapeDataString(order.EventId)}?donation={Uri.EscapeDataString(order.DonationId)}";
        if (!Uri.TryCreate(requested, UriKind.Absolute, out var url)
            || !string.Equals(url.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || !url.AbsolutePath.StartsWith("/e/", StringComparison.Ordinal))
        {
            return fallback;
        }

        return url.PathAndQuery;
    }

    private static IResult Html(HttpContext context, string page, int status)
    {
        context.Response.Headers.ContentSecurityPolicy = Headers;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
