using System.Collections.Concurrent;
using CharityDay.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Auth;

/// <summary>
/// Wrong desk codes, counted twice: per (client address, desk) — <see cref="RateLimitOptions.SignInFailuresPerAddress"/>
/// free, then a wait that doubles from <see cref="RateLimitOptions.SignInBackoffStart"/> to
/// <see cref="RateLimitOptions.SignInBackoffMax"/> — and per desk across every address
/// (<see cref="RateLimitOptions.SignInFailuresPerDesk"/> free within the window, then the same backoff).
/// So a noisy phone on the venue Wi-Fi slows only itself at the one desk it guesses, not the operators
/// behind the same address at the other desks; guessing one desk from many addresses slows them all; and
/// a success is never held up by other addresses' failures at other desks. Counts live on this node:
/// with N nodes behind the balancer a guesser gets at most N times the allowance, still hopeless
/// against 31^8 codes.
/// </summary>
public sealed class SignInGuard(IOptions<RateLimitOptions> options, [FromKeyedServices(RateLimits.ClockKey)] TimeProvider clock)
{
    /// <summary>Past this many remembered runs, the ones that have lapsed are dropped on the next failure.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, FailureRun> _byAddress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FailureRun> _byDesk = new(StringComparer.Ordinal);
    private readonly RateLimitOptions _limits = options.Value;

    /// <summary>How long this address must wait before it may try this desk again; null when it may now.</summary>
    public TimeSpan? WaitBeforeTrying(string address, string eventId, string deskId)
    {
        var now = clock.GetUtcNow();
        var wait = Max(Wait(_byAddress, AddressKey(address, eventId, deskId), now), Wait(_byDesk, DeskKey(eventId, deskId), now));
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string address, string eventId, string deskId)
    {
        var now = clock.GetUtcNow();
        Record(_byAddress, AddressKey(address, eventId, deskId), _limits.SignInFailuresPerAddress, now);
        Record(_byDesk, DeskKey(eventId, deskId), _limits.SignInFailuresPerDesk, now);
    }

    /// <summary>The right code clears this address's count at this desk; the desk's count across addresses stays until it lapses.</summary>
    public void Succeeded(string address, string eventId, string deskId) => _byAddress.TryRemove(AddressKey(address, eventId, deskId), out _);

    private void Record(ConcurrentDictionary<string, FailureRun> runs, string key, int freeFailures, DateTimeOffset now)
    {
        if (runs.Count > SweepAbove)
        {
            foreach (var (staleKey, run) in runs)
            {
                if (run.HasLapsed(now, _limits.SignInFailureWindow))
                {
                    runs.TryRemove(staleKey, out _);
                }
            }
        }

        runs.GetOrAdd(key, _ => new FailureRun()).Fail(now, freeFailures, _limits);
    }

    private static TimeSpan Wait(ConcurrentDictionary<string, FailureRun> runs, string key, DateTimeOffset now) =>
        runs.TryGetValue(key, out var run) ? run.Wait(now) : TimeSpan.Zero;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string DeskKey(string eventId, string deskId) => eventId + "/" + deskId;

    private static string AddressKey(string address, string eventId, string deskId) => address + "\n" + eventId + "/" + deskId;

    /// <summary>One run of failures: how many, the last, and until when the next try must wait.</summary>
    private sealed class FailureRun
    {
        private readonly Lock _gate = new();
        private int _failures;
        private DateTimeOffset _lastFailure;
        private DateTimeOffset _blockedUntil;

        public void Fail(DateTimeOffset now, int freeFailures, RateLimitOptions limits)
        {
            lock (_gate)
            {
                if (HasLapsed(now, limits.SignInFailureWindow))
                {
                    _failures = 0;
                }

                _failures++;
                _lastFailure = now;
                if (_failures >= freeFailures)
                {
                    // 2 s, 4 s, 8 s … : doubling, with the exponent capped so the arithmetic cannot overflow.
                    var doublings = Math.Min(_failures - freeFailures, 30);
                    var delay = TimeSpan.FromTicks((long)Math.Min(limits.SignInBackoffStart.Ticks * Math.Pow(2, doublings), limits.SignInBackoffMax.Ticks));
                    _blockedUntil = now + delay;
                }
            }
        }

        public TimeSpan Wait(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _blockedUntil - now;
            }
        }

        public bool HasLapsed(DateTimeOffset now, TimeSpan window)
        {
            lock (_gate)
            {
                return now - _lastFailure >= window && now >= _blockedUntil;
            }
        }
    }
}
