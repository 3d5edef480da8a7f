using PaperBot.Core.Domain;
using PaperBot.Core.Ingest;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;

namespace PaperBot.Core.Tests;

public sealed class DigestIngestorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-ingest-").FullName;
    private readonly CountingParser _parser = new();
    private readonly RecordingWriter _writer = new();

    [Fact]
    public async Task Unchanged_files_are_not_parsed_again_and_changed_ones_are()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.md"), "2026-01-01");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.txt"), "2026-01-02");
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.json"), "{}");

        var first = await ingestor.IngestFolderAsync(_folder);
        var second = await ingestor.IngestFolderAsync(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.md"), "2026-01-03");
        var third = await ingestor.IngestFolderAsync(_folder);

        Assert.Equal((2, 0), (first.Stored, first.Unchanged));
        Assert.Equal((0, 2), (second.Stored, second.Unchanged));
        Assert.Equal((1, 1), (third.Stored, third.Unchanged));
        Assert.Equal(3, _parser.Calls);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3)], _writer.Stored);
    }

    [Fact]
    public async Task A_broken_file_is_reported_by_name_and_the_others_still_load()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.md"), "not a date");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.md"), "2026-01-02");

        var report = await ingestor.IngestFolderAsync(_folder);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("a.md: no date", failure.Problem.Message);
        Assert.Equal([new DateOnly(2026, 1, 2)], _writer.Stored);
    }

    [Fact]
    public async Task A_large_folder_is_stored_a_batch_per_transaction()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        var first = new DateOnly(2020, 1, 1);
        for (var day = 0; day < DigestIngestor.BatchSize * 2 + 50; day++)
            await File.WriteAllTextAsync(Path.Combine(_folder, $"{day:D4}.md"), first.AddDays(day).ToString("yyyy-MM-dd"));

        var report = await ingestor.IngestFolderAsync(_folder);

        Assert.Equal(DigestIngestor.BatchSize * 2 + 50, report.Stored);
        Assert.Equal(3, _writer.Batches);
        Assert.Equal(first.AddDays(DigestIngestor.BatchSize * 2 + 49), _writer.Stored.Max());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Reads the file's whole text as its edition date.</summary>
    private sealed class CountingParser : IDigestParser
    {
        public int Calls { get; private set; }

        public Result<Edition> Parse(string fileName, ReadOnlySpan<byte> content)
        {
            Calls++;
            return DateOnly.TryParse(System.Text.Encoding.UTF8.GetString(content), out var date)
                ? new Edition(date, [])
                : new InvalidDigest(fileName, "no date");
        }
    }

    private sealed class RecordingWriter : IArchiveWriter
    {
        private readonly Dictionary<string, string> _hashes = [];

        public List<DateOnly> Stored { get; } = [];

        public Task<string?> GetSourceHashAsync(string path, CancellationToken cancellationToken = default) =>
            Task.FromResult(_hashes.GetValueOrDefault(path));

        public Task StoreAsync(Edition edition, DigestSource source, CancellationToken cancellationToken = default)
        {
            _hashes[source.Path] = source.ContentHash;
            Stored.Add(edition.Date);
            return Task.CompletedTask;
        }

        public async Task StoreManyAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken cancellationToken = default)
        {
            Batches++;
            foreach (var (edition, source) in items)
                await StoreAsync(edition, source, cancellationToken);
        }

        public int Batches { get; private set; }
    }
}
