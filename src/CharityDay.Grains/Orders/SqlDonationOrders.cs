using System.Data.Common;
using CharityDay.Grains.Storage;
using static CharityDay.Grains.Storage.SqlParameters;

namespace CharityDay.Grains.Orders;

/// <summary>
/// Donation orders in the node's database (the ledger's), through plain ADO.NET. Every write is
/// conditional, so repeated calls (a phone's retry, a provider's repeated notice) change nothing twice.
/// </summary>
public sealed class SqlDonationOrders(LedgerDatabase database)
{
    private const string Columns =
        "out_trade_no, event_id, donation_id, amount_fen, donor_name, anonymous, message, created_at_ms, expires_at_ms, payment_kind, payment_url, transaction_id, paid_at_ms";

    /// <summary>Stores a new order, or returns the one already stored for its (event, donation id).</summary>
    public async Task<DonationOrder> AddAsync(DonationOrder order, CancellationToken cancellationToken = default)
    {
        await WriteAsync(command =>
        {
            command.CommandText =
                $"INSERT INTO donation_orders (out_trade_no, event_id, donation_id, amount_fen, donor_name, anonymous, message, created_at_ms, expires_at_ms) VALUES (" +
                $"{Add(command, "t", order.OutTradeNo)}, {Add(command, "e", order.EventId)}, {Add(command, "d", order.DonationId)}, " +
                $"{Add(command, "a", order.AmountFen)}, {Add(command, "n", order.DonorName)}, {Add(command, "an", order.Anonymous)}, " +
                $"{Add(command, "m", order.Message)}, {Add(command, "c", order.CreatedAt.ToUnixTimeMilliseconds())}, " +
                $"{Add(command, "x", order.ExpiresAt.ToUnixTimeMilliseconds())}) ON CONFLICT (event_id, donation_id) DO NOTHING";
        }, cancellationToken);
        return await FindAsync(order.EventId, order.DonationId, cancellationToken)
            ?? throw new InvalidOperationException($"Donation order {order.OutTradeNo} was not stored.");
    }

    public async Task<DonationOrder?> FindAsync(string eventId, string donationId, CancellationToken cancellationToken = default) =>
        First(await QueryAsync(command =>
            $"SELECT {Columns} FROM donation_orders WHERE event_id = {Add(command, "e", eventId)} AND donation_id = {Add(command, "d", donationId)}",
            cancellationToken));

    public async Task<DonationOrder?> FindByTradeNoAsync(string outTradeNo, CancellationToken cancellationToken = default) =>
        First(await QueryAsync(command => $"SELECT {Columns} FROM donation_orders WHERE out_trade_no = {Add(command, "t", outTradeNo)}",
            cancellationToken));

    /// <summary>Keeps how the order is paid, so a retry of the phone's request gets the same cashier.</summary>
    public Task SetPaymentAsync(string outTradeNo, OrderPayment payment, CancellationToken cancellationToken = default) =>
        WriteAsync(command => command.CommandText =
            $"UPDATE donation_orders SET payment_kind = {Add(command, "k", (short)payment.Kind)}, payment_url = {Add(command, "u", payment.Url)} " +
            $"WHERE out_trade_no = {Add(command, "t", outTradeNo)} AND payment_url IS NULL", cancellationToken);

    /// <summary>Marks the order paid by <paramref name="transactionId"/>, once; a second call changes nothing.</summary>
    public Task MarkPaidAsync(string outTradeNo, string transactionId, DateTimeOffset paidAt, CancellationToken cancellationToken = default) =>
        WriteAsync(command => command.CommandText =
            $"UPDATE donation_orders SET transaction_id = {Add(command, "x", transactionId)}, paid_at_ms = {Add(command, "p", paidAt.ToUnixTimeMilliseconds())} " +
            $"WHERE out_trade_no = {Add(command, "t", outTradeNo)} AND transaction_id IS NULL", cancellationToken);

    /// <summary>
    /// Ends every unpaid order of the event, as if it expired before it was made, so no payment for it is
    /// ever recorded: a rehearsal's reset (orders exist before the night only in a rehearsal, with the demo
    /// cashier), so that a rehearsal's payment arriving late never counts on the real night.
    /// </summary>
    public Task ExpireUnpaidAsync(string eventId, CancellationToken cancellationToken = default) =>
        WriteAsync(command => command.CommandText =
            $"UPDATE donation_orders SET expires_at_ms = created_at_ms - 1 " +
            $"WHERE event_id = {Add(command, "e", eventId)} AND transaction_id IS NULL AND expires_at_ms >= created_at_ms", cancellationToken);

    /// <summary>An event's newest orders; with <paramref name="awaitingAt"/>, only those still payable at that moment.</summary>
    public Task<IReadOnlyList<DonationOrder>> ListAsync(string eventId, DateTimeOffset? awaitingAt, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(command =>
            $"SELECT {Columns} FROM donation_orders WHERE event_id = {Add(command, "e", eventId)}" +
            (awaitingAt is { } now ? $" AND transaction_id IS NULL AND expires_at_ms > {Add(command, "now", now.ToUnixTimeMilliseconds())}" : "") +
            $" ORDER BY created_at_ms DESC LIMIT {Add(command, "limit", limit)}", cancellationToken);

    public async Task<OrderCounts> CountAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var at = Add(command, "now", now.ToUnixTimeMilliseconds());
        command.CommandText =
            $"SELECT COALESCE(SUM(CASE WHEN transaction_id IS NULL AND expires_at_ms > {at} THEN 1 ELSE 0 END), 0), " +
            $"COALESCE(SUM(CASE WHEN transaction_id IS NULL AND expires_at_ms <= {at} THEN 1 ELSE 0 END), 0), " +
            "COALESCE(SUM(CASE WHEN transaction_id IS NULL THEN 0 ELSE 1 END), 0), " +
            $"COALESCE(SUM(CASE WHEN transaction_id IS NULL AND expires_at_ms > {at} THEN amount_fen ELSE 0 END), 0) " +
            $"FROM donation_orders WHERE event_id = {Add(command, "e", eventId)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OrderCounts((int)GetLong(reader, 0), (int)GetLong(reader, 1), (int)GetLong(reader, 2), GetLong(reader, 3));
    }

    private async Task WriteAsync(Action<DbCommand> build, CancellationToken cancellationToken)
    {
        var gate = database.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            build(command);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<IReadOnlyList<DonationOrder>> QueryAsync(Func<DbCommand, string> build, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = build(command);
        var orders = new List<DonationOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(Read(reader));
        }

        return orders;
    }

    private static DonationOrder? First(IReadOnlyList<DonationOrder> orders) => orders.Count > 0 ? orders[0] : null;

    private static DonationOrder Read(DbDataReader reader) => new(
        OutTradeNo: reader.GetString(0),
        EventId: reader.GetString(1),
        DonationId: reader.GetString(2),
        AmountFen: reader.GetInt64(3),
        DonorName: reader.GetString(4),
        Anonymous: reader.GetBoolean(5),
        Message: reader.IsDBNull(6) ? null : reader.GetString(6),
        CreatedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        ExpiresAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        Payment: reader.IsDBNull(10) ? null : new OrderPayment((OrderPaymentKind)reader.GetInt32(9), reader.GetString(10)),
        TransactionId: reader.IsDBNull(11) ? null : reader.GetString(11),
        PaidAt: reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)));
}
