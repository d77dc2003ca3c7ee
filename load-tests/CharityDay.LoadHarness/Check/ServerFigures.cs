using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CharityDay.LoadHarness.Check;

/// <summary>
/// The admin reads of the correctness check (the live total, the audit), polled until they say what is
/// wanted or the deadline passes. A 503 or a timeout is asked again, as after a fault the grain behind it
/// may still be coming back; one that never answers is a failed check with the reason, not a crash.
/// </summary>
internal static class ServerFigures
{
    public static async Task<(JsonElement? Json, string Problem)> ReadAsync(HttpClient admin, string path, TimeSpan within, Func<JsonElement, bool> settled)
    {
        var deadline = DateTime.UtcNow + within;
        JsonElement? last = null;
        var problem = "";
        while (true)
        {
            try
            {
                using var response = await admin.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    last = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (settled(last.Value))
                    {
                        return (last, "");
                    }
                }
                else
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"GET {path} answered {(int)response.StatusCode}");
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
            {
                problem = $"GET {path} failed: {error.Message}";
            }

            if (DateTime.UtcNow > deadline)
            {
                return (last, last is null ? $"{problem} until the deadline ({within.TotalSeconds:0} s)" : "");
            }

            await Task.Delay(200);
        }
    }
}
