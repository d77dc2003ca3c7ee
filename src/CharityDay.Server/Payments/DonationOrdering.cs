using System.Security.Cryptography;
using CharityDay.Contracts;
using CharityDay.Grains.Orders;
using CharityDay.Server.Endpoints;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Payments;

/// <summary>
/// Starts online donations: stores the order, then registers it with the payment provider. Nothing
/// reaches the ledger here; <see cref="PaymentNotices"/> does that when the provider says it was paid.
/// The phone's donation id is the idempotency key: a retry gets the stored order, other content a conflict.
/// </summary>
public sealed class DonationOrdering(
    SqlDonationOrders orders, EventCatalog catalog, IOptions<PaymentOptions> options, TimeProvider clock,
    ILogger<DonationOrdering> logger, IPaymentProvider? provider = null)
{
    public bool IsOpen => provider is not null;

    public async Task<OrderStart> StartAsync(string eventId, DonationOrder typed, string payerAddress, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(eventId) is not { } known)
        {
            return new OrderStart(OrderStartKind.EventNotFound);
        }

        // The status as the online desk that will take the paid donation holds it (the event grain tells
        // its desks of every change and waits for them): no call to the event grain per order, which
        // stalled for seconds while Redis was down, and no order taken for an event already closed.
        var deskId = OnlineShard.DeskIdFor(typed.DonationId, known.OnlineShards);
        var definition = await catalog.Desk(eventId, deskId).EventAsync() ?? known;

        if (provider is null)
        {
            return new OrderStart(OrderStartKind.NotOffered);
        }

        var stored = await orders.FindAsync(eventId, typed.DonationId, cancellationToken);
        if (stored is null)
        {
            if (definition.Status is not (EventStatus.Live or EventStatus.Rehearsal))
            {
                return new OrderStart(OrderStartKind.EventNotLive);
            }

            // A rehearsal's donations are pretend money: a real provider would charge the donor for them.
            if (definition.Status == EventStatus.Rehearsal && provider is not Demo.DemoPaymentProvider)
            {
                return new OrderStart(OrderStartKind.RehearsalNeedsDemo);
            }

            var now = clock.GetUtcNow();
            stored = await orders.AddAsync(typed with
            {
                OutTradeNo = NewTradeNo(),
                CreatedAt = now,
                ExpiresAt = now + options.Value.OrderLifetime,
            }, cancellationToken);
        }

        if (!stored.SameContentAs(typed))
        {
            return new OrderStart(OrderStartKind.Conflict, stored);
        }

        if (stored.IsPaid || stored.IsExpiredAt(clock.GetUtcNow()) || stored.Payment is not null)
        {
            return new OrderStart(OrderStartKind.Existing, stored);
        }

        return await RegisterAsync(stored, definition.Title, payerAddress, cancellationToken);
    }

    private async Task<OrderStart> RegisterAsync(DonationOrder order, string eventTitle, string payerAddress, CancellationToken cancellationToken)
    {
        var description = $"{eventTitle} 爱心捐款";
        try
        {
            var start = await provider!.CreateOrderAsync(
                new PaymentOrder(order.OutTradeNo, order.AmountFen, description[..Math.Min(description.Length, 40)], order.ExpiresAt, payerAddress),
                cancellationToken);
            var payment = new OrderPayment(start.Kind == PaymentStartKind.QrCode ? OrderPaymentKind.QrCode : OrderPaymentKind.Redirect, start.Url);
            await orders.SetPaymentAsync(order.OutTradeNo, payment, cancellationToken);
            return new OrderStart(OrderStartKind.Created, order with { Payment = payment });
        }
        catch (PaymentProviderException error)
        {
            // The order stays unpaid and unregistered; the phone's retry with the same id registers it again.
            logger.LogWarning("The payment provider did not take order {OutTradeNo}: {Reason}", order.OutTradeNo, error.Message);
            return new OrderStart(OrderStartKind.ProviderFailed, order);
        }
    }

    /// <summary>"CD" and 30 random hex digits: unguessable, within the provider's 6–32 characters.</summary>
    private static string NewTradeNo() => "CD" + Convert.ToHexString(RandomNumberGenerator.GetBytes(15));
}

public enum OrderStartKind
{
    Created,
    Existing,
    Conflict,
    EventNotFound,
    EventNotLive,
    RehearsalNeedsDemo,
    NotOffered,
    ProviderFailed,
}

/// <summary>What became of a phone's request to give: the order as stored, when there is one.</summary>
public sealed record OrderStart(OrderStartKind Kind, DonationOrder? Order = null);
