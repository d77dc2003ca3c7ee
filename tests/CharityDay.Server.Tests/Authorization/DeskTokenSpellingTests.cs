using CharityDay.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests.Authorization;

/// <summary>
/// A desk token is accepted only as it was issued: any one character changed, anywhere in its payload
/// or signature, is refused — including a last character whose change only touches base64 padding bits.
/// </summary>
public sealed class DeskTokenSpellingTests(CharityDayApp app) : IClassFixture<CharityDayApp>
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void Every_one_character_change_of_a_desk_token_is_refused()
    {
        var tokens = app.Services.GetRequiredService<DeskTokens>();
        var (token, _) = tokens.Issue("spelling-e", "desk-a", 0);
        Assert.True(tokens.TryRead(token, out _, out _, out _));

        var accepted = new List<string>();
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            var value = Alphabet.IndexOf(token[i], StringComparison.Ordinal);
            foreach (var other in new[] { value ^ 1, value ^ 2, value ^ 32 })
            {
                var changed = token[..i] + Alphabet[other] + token[(i + 1)..];
                if (tokens.TryRead(changed, out _, out _, out _))
                {
                    accepted.Add($"position {i}: '{token[i]}' → '{Alphabet[other]}'");
                }
            }
        }

        Assert.Empty(accepted);
    }
}
