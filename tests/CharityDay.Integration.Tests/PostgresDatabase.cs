using Npgsql;

namespace CharityDay.Integration.Tests;

/// <summary>
/// A fresh database per test on the PostgreSQL that <c>./run-tests</c> starts, named by
/// <c>CHARITYDAY_TEST_POSTGRES</c> (a connection string to a database the test may create databases from).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "CHARITYDAY_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name = "charityday_test_" + Guid.NewGuid().ToString("N")[..12];

    private PostgresDatabase(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException($"{Variable} is not set: run the tests with ./run-tests, which starts PostgreSQL.");
        }

        var database = new PostgresDatabase(admin);
        await database.ExecuteAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
