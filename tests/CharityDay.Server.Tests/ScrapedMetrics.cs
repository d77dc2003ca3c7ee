using System.Globalization;
using System.Text;

namespace CharityDay.Server.Tests;

/// <summary>
/// One scrape of <c>/metrics</c> in the Prometheus text format, read the way Prometheus reads it: a
/// sample is <c>name{label="value",…} number</c>, and label values are quoted (a route template holds
/// braces).
/// </summary>
internal sealed class ScrapedMetrics
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private ScrapedMetrics(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                _samples.Add(Parse(line));
            }
        }
    }

    public string Text { get; }

    public IEnumerable<string> LabelValues => _samples.SelectMany(sample => sample.Labels.Values).Distinct();

    public static async Task<ScrapedMetrics> ReadAsync(HttpClient client) => new(await client.GetStringAsync("/metrics"));

    /// <summary>The sum of the samples of <paramref name="name"/> that carry all the given labels; 0 when there is none.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) => _samples
        .Where(sample => sample.Name == name && labels.All(l => sample.Labels.TryGetValue(l.Label, out var value) && value == l.Value))
        .Sum(sample => sample.Value);

    public bool Has(string name, params (string Label, string Value)[] labels) =>
        _samples.Any(sample => sample.Name == name && labels.All(l => sample.Labels.TryGetValue(l.Label, out var value) && value == l.Value));

    private static (string, Dictionary<string, string>, double) Parse(string line)
    {
        var at = 0;
        while (at < line.Length && line[at] is not ('{' or ' '))
        {
            at++;
        }

        var name = line[..at];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var equals = line.IndexOf('=', at);
                var key = line[at..equals];
                at = equals + 2; // past ="
                var value = new StringBuilder();
                while (line[at] != '"')
                {
                    value.Append(line[at] == '\\' ? Unescape(line[++at]) : line[at]);
                    at++;
                }

                labels[key] = value.ToString();
                at++;
                if (line[at] == ',')
                {
                    at++;
                }
            }

            at++;
        }

        var number = line[at..].Trim().Split(' ')[0];
        return (name, labels, number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        });
    }

    private static char Unescape(char escaped) => escaped == 'n' ? '\n' : escaped;
}
