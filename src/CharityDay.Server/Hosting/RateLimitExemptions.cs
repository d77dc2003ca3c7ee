using System.Net;
using Microsoft.Extensions.Options;

namespace CharityDay.Server.Hosting;

/// <summary>The client networks <see cref="RateLimitOptions.ExemptNetworks"/> names, parsed once.</summary>
internal sealed class RateLimitExemptions(IOptions<RateLimitOptions> options)
{
    private readonly IPNetwork[] _networks = [.. options.Value.ExemptNetworks.Select(text =>
        ClientAddress.TryParseNetwork(text, out var network) ? network : throw new InvalidOperationException(
            $"{RateLimitOptions.Section}:ExemptNetworks '{text}' is neither an IP address nor a network such as 127.0.0.0/8."))];

    public bool IsExempt(HttpContext context) =>
        _networks.Length > 0 && context.Connection.RemoteIpAddress is { } address
        && _networks.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}
