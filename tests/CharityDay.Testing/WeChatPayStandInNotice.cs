using System.Text;
using Microsoft.AspNetCore.Http;

namespace CharityDay.Testing;

/// <summary>A notification as WeChat Pay would post it: the <c>Wechatpay-*</c> headers and the raw body they sign.</summary>
public sealed record WeChatPayStandInNotice(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The same notice with one header replaced (or added).</summary>
    public WeChatPayStandInNotice WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>The same notice without one header.</summary>
    public WeChatPayStandInNotice WithoutHeader(string name)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        headers.Remove(name);
        return this with { Headers = headers };
    }

    /// <summary>The headers as a server sees them on a request.</summary>
    public IHeaderDictionary ToHeaderDictionary()
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return headers;
    }

    /// <summary>A POST of this notice to <paramref name="notifyUrl"/>.</summary>
    public HttpRequestMessage ToRequest(Uri notifyUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, notifyUrl) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
