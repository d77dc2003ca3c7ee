using System.Collections.Concurrent;
using System.Net;
using CharityDay.Server.Payments;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CharityDay.Server.Tests.Payments;

/// <summary>
/// A notify URL for the stand-in to post to, in process: hands each request's headers and raw body to
/// the provider and answers with its <c>Acknowledge</c> or <c>Refuse</c> result, as the donation flow will.
/// </summary>
public sealed class NoticeEndpoint(IPaymentProvider provider) : HttpMessageHandler
{
    private static readonly IServiceProvider ResultServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    public ConcurrentQueue<PaymentNoticeRead> Reads { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, values) in request.Headers.Concat(request.Content!.Headers))
        {
            headers[name] = values.ToArray();
        }

        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var read = provider.ReadNotice(headers, body);
        Reads.Enqueue(read);
        var result = read.Notice is null ? provider.Refuse(StatusCodes.Status400BadRequest, read.Refusal!) : provider.Acknowledge();
        return await ExecuteAsync(result);
    }

    /// <summary>Runs an <see cref="IResult"/> the way ASP.NET Core would and returns what it wrote.</summary>
    public static async Task<HttpResponseMessage> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = ResultServices };
        var output = new MemoryStream();
        context.Response.Body = output;
        await result.ExecuteAsync(context);
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode) { Content = new ByteArrayContent(output.ToArray()) };
        if (context.Response.ContentType is { } type)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return response;
    }
}
