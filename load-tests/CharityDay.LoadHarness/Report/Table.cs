using System.Net;
using System.Text;

namespace CharityDay.LoadHarness.Report;

/// <summary>A table of the report, written once and rendered as Markdown, HTML or on the console.</summary>
internal sealed class Table(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public int RowCount => _rows.Count;

    public void Add(params string[] cells) => _rows.Add(cells);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"**{Title}**").AppendLine();
        text.AppendLine("| " + string.Join(" | ", headers) + " |");
        text.AppendLine("|" + string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in _rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        return text.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<h4>").Append(WebUtility.HtmlEncode(Title)).Append("</h4><table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public string ToConsole()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => i < r.Length ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Title);
        text.AppendLine("  " + string.Join("  ", headers.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var row in _rows)
        {
            text.AppendLine("  " + string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        }

        return text.ToString();
    }
}
