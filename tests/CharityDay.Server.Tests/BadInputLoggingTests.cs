using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CharityDay.Server.Tests;

/// <summary>
/// A body that cannot be read is the sender's mistake, answered with a validation problem: it is not
/// logged as a server error with a stack trace (a fuzzer or a broken client would otherwise bury the
/// errors that matter under thousands of them).
/// </summary>
public sealed class BadInputLoggingTests
{
    [Theory]
    [InlineData("{\"eventId\":")]
    [InlineData("{\"eventId\":1}")]
    [InlineData("{\"eventId\":\"e\",\"eventId\":\"e\"}")]
    [InlineData("")]
    public async Task An_unreadable_body_is_refused_without_an_error_in_the_log(string body)
    {
        var log = new CapturedLog();
        await using var app = CharityDayApp.With();
        await using var logged = app.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(log)));
        using var client = logged.CreateClient();

        var response = await client.PostAsync("/api/auth/desk", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = log.Entries.Where(entry => entry.Level >= LogLevel.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }

    /// <summary>Every entry at Warning or above, from every category.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Entries.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name)));
                }
            }
        }
    }
}
