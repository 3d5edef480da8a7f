using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperBot.Tests;

/// <summary>A scrape of <c>/metrics</c> (Prometheus text format): each sample by its name and labels.</summary>
internal sealed partial class MetricsPage(string text)
{
    public string Text { get; } = text;

    public static async Task<MetricsPage> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new MetricsPage(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The value of the sample <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 when there is none.</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Find(name, labels) is { } sample ? double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture) : 0;

    public bool Has(string name, params (string Name, string Value)[] labels) => Find(name, labels) is not null;

    private Match? Find(string name, (string Name, string Value)[] labels)
    {
        foreach (Match sample in Sample().Matches(Text))
        {
            if (sample.Groups["name"].Value != name)
                continue;
            var have = Label().Matches(sample.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            if (labels.All(l => have.TryGetValue(l.Name, out var value) && value == l.Value))
                return sample;
        }
        return null;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
