using BenchmarkDotNet.Attributes;
using Markdig;
using PaperBot.Digest;

namespace PaperBot.Benchmarks;

/// <summary>
/// Parse time for a ten-year corpus (about 2,600 digests): our parser, UTF-8 decoding included, against the floor of
/// Markdig's own <see cref="Markdown.Parse(string, MarkdownPipeline?, Markdig.Parsers.MarkdownParserContext?)"/>
/// of the same files. Goal from issue 2: within 1.5x of the floor.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly MarkdigDigestParser _parser = new();
    private string[] _names = [];
    private byte[][] _bytes = [];
    private string[] _texts = [];

    [GlobalSetup]
    public void LoadCorpus()
    {
        var folder = ArchiveCorpus.Folder;
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        _names = files.Select(Path.GetFileName).ToArray()!;
        _bytes = files.Select(File.ReadAllBytes).ToArray();
        _texts = files.Select(File.ReadAllText).ToArray();
        Console.WriteLine($"// corpus: {files.Length} digests, {_bytes.Sum(b => (long)b.Length) / 1024 / 1024.0:F1} MiB in {folder}");
    }

    [Benchmark(Baseline = true)]
    public int MarkdigParseFloor()
    {
        var blocks = 0;
        foreach (var text in _texts)
            blocks += Markdown.Parse(text).Count;
        return blocks;
    }

    [Benchmark]
    public int PaperBotParse()
    {
        var papers = 0;
        for (var i = 0; i < _bytes.Length; i++)
        {
            var result = _parser.Parse(_names[i], _bytes[i]);
            papers += result.IsSuccess ? result.Value.Papers.Count : throw new InvalidOperationException(result.Problem.Message);
        }
        return papers;
    }
}
