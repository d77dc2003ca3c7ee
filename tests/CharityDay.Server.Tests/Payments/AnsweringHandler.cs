namespace CharityDay.Server.Tests.Payments;

/// <summary>The network under the adapter's HTTP client, answering each request as the test says (the token is the client's timeout).</summary>
public sealed class AnsweringHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public AnsweringHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer)
        : this((request, _) => answer(request))
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
}
