using System.Net;
using System.Text;

namespace CharityDay.LoadHarness.Report;

/// <summary>The report as one HTML file with its charts inlined as data URIs: it opens offline, anywhere.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222;max-width:1100px}
        table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
        th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}th:first-child,td:first-child{text-align:left}
        th{background:#f3f3f3}.pass{color:#176b2c}.fail{color:#b00020;font-weight:bold}img{max-width:100%;border:1px solid #eee}
        dt{font-weight:bold;float:left;clear:left;width:11em}dd{margin-left:12em}
        """;

    public static string Write(RunResult run, IReadOnlyList<(string Title, byte[] Png)> charts)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Charity Day load run</title><style>")
            .Append(Style).Append("</style></head><body>");
        html.Append("<h1>Charity Day load run ").Append(E(run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(run.Options.Label is null ? "" : " — " + E(run.Options.Label)).Append("</h1>");
        html.Append("<p class=\"").Append(run.Failed == 0 ? "pass" : "fail").Append("\">Checks: ")
            .Append(run.Passed).Append(" passed, ").Append(run.Failed).Append(" failed</p><dl>");
        foreach (var (name, value) in ReportWriter.Facts(run))
        {
            html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }

        html.Append("</dl><h2>Figures</h2><p>Latencies in milliseconds over the measured window (warm-up left out). Open-model latency counts from the scheduled send time.</p>");
        foreach (var table in Tables.All(run))
        {
            html.Append(table.ToHtml());
        }

        html.Append("<h2>Charts</h2>");
        foreach (var (title, png) in charts)
        {
            html.Append("<figure><img alt=\"").Append(E(title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(png)).Append("\"></figure>");
        }

        html.Append("<h2>Checks</h2><ul>");
        foreach (var check in run.Checks)
        {
            html.Append("<li class=\"").Append(check.Passed ? "pass" : "fail").Append("\">").Append(E(check.ToString())).Append("</li>");
        }

        return html.Append("</ul></body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
