using PaperBot.Core.Domain;
using PaperBot.Core.Ingest;
using PaperBot.Core.Ports;
using PaperBot.Core.Results;
using PaperBot.Testing;

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

    [Fact]
    public async Task Pipes_sockets_and_devices_are_skipped_with_a_reason_without_being_opened()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        var fifo = Path.Combine(_folder, "a-fifo.md");
        SpecialFiles.CreateFifo(fifo);
        using var socket = SpecialFiles.CreateSocket(Path.Combine(_folder, "b-socket.md"));
        File.CreateSymbolicLink(Path.Combine(_folder, "c-zero.md"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(_folder, "d-nowhere.md"), Path.Combine(_folder, "missing"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "e-good.md"), "2026-01-02");

        var ingest = ingestor.IngestFolderAsync(_folder);
        if (await Task.WhenAny(ingest, Task.Delay(TimeSpan.FromSeconds(30))) != ingest)
        {
            using (File.OpenWrite(fifo)) { } // releases the reader left waiting, so that the test run can end
            Assert.Fail("ingest opened the FIFO and waited for a writer");
        }
        var report = await ingest;

        Assert.Equal([new DateOnly(2026, 1, 2)], _writer.Stored);
        var reasons = report.Failures.ToDictionary(f => Path.GetFileName(f.Path), f => f.Problem.Message);
        Assert.Contains("named pipe", reasons["a-fifo.md"]);
        Assert.Contains("socket", reasons["b-socket.md"]);
        Assert.Contains("device", reasons["c-zero.md"]);
        Assert.Contains("no such file", reasons["d-nowhere.md"]);
        Assert.All(report.Failures, f => Assert.IsType<InvalidDigest>(f.Problem));
        Assert.All(reasons.Values, reason => Assert.DoesNotContain(_folder, reason));
    }

    [Fact]
    public async Task A_file_larger_than_the_bound_is_refused_before_it_is_read()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System, maxFileBytes: 1024);
        SpecialFiles.CreateSparse(Path.Combine(_folder, "huge.md"), 64L * 1024 * 1024 * 1024);
        await File.WriteAllTextAsync(Path.Combine(_folder, "small.md"), "2026-01-02");

        var report = await ingestor.IngestFolderAsync(_folder);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("huge.md: the file is 65536 MiB (68,719,476,736 bytes), more than the 1 KiB (1,024 bytes) a digest may have (Digests:MaxFileBytes); it was not read",
            failure.Problem.Message);
        Assert.Equal(1, _parser.Calls);
        Assert.Equal([new DateOnly(2026, 1, 2)], _writer.Stored);
    }

    [Fact]
    public async Task The_default_bound_is_a_few_mebibytes()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        SpecialFiles.CreateSparse(Path.Combine(_folder, "big.md"), 5 * 1024 * 1024);

        var failure = Assert.Single((await ingestor.IngestFolderAsync(_folder)).Failures);

        Assert.Contains("more than the 4 MiB", failure.Problem.Message);
        Assert.Equal(0, _parser.Calls);
    }

    [Fact]
    public async Task A_parser_fault_on_one_file_fails_that_file_and_the_others_are_stored()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.md"), "2026-01-01");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.md"), CountingParser.Throw);
        await File.WriteAllTextAsync(Path.Combine(_folder, "c.md"), "2026-01-03");

        var report = await ingestor.IngestFolderAsync(_folder);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("b.md: could not be read as a digest (InvalidOperationException)", failure.Problem.Message);
        Assert.IsType<InvalidOperationException>(failure.Cause);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 3)], _writer.Stored);
        Assert.Equal(2, report.Stored);
    }

    [Fact]
    public async Task An_edition_the_database_refuses_fails_its_file_and_the_rest_of_the_batch_is_stored()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        _writer.Refuse = new DateOnly(2026, 1, 2);
        foreach (var day in new[] { 1, 2, 3 })
            await File.WriteAllTextAsync(Path.Combine(_folder, $"{day}.md"), $"2026-01-0{day}");

        var report = await ingestor.IngestFolderAsync(_folder);

        Assert.Equal("2.md: the archive could not store its edition (IOException)", Assert.Single(report.Failures).Problem.Message);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 3)], _writer.Stored);
    }

    [Fact]
    public async Task A_database_that_stores_nothing_fails_the_pass_rather_than_every_file()
    {
        var ingestor = new DigestIngestor(_parser, _writer, TimeProvider.System);
        _writer.Down = true;
        foreach (var day in new[] { 1, 2 })
            await File.WriteAllTextAsync(Path.Combine(_folder, $"{day}.md"), $"2026-01-0{day}");

        await Assert.ThrowsAsync<IOException>(() => ingestor.IngestFolderAsync(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Reads the file's whole text as its edition date.</summary>
    private sealed class CountingParser : IDigestParser
    {
        /// <summary>Content on which this parser fails with an exception, as a parser bug would.</summary>
        public const string Throw = "throw";

        public int Calls { get; private set; }

        public Result<Edition> Parse(string fileName, ReadOnlySpan<byte> content)
        {
            Calls++;
            if (content.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(Throw)))
                throw new InvalidOperationException("a parser bug");
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

        /// <summary>An edition date the database refuses (as PostgreSQL refuses text it cannot encode).</summary>
        public DateOnly? Refuse { get; set; }

        /// <summary>The database is unreachable: every write fails.</summary>
        public bool Down { get; set; }

        public Task StoreAsync(Edition edition, DigestSource source, CancellationToken cancellationToken = default)
        {
            if (Down || edition.Date == Refuse)
                throw new IOException("the database refused the write");
            _hashes[source.Path] = source.ContentHash;
            Stored.Add(edition.Date);
            return Task.CompletedTask;
        }

        public async Task StoreManyAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken cancellationToken = default)
        {
            Batches++;
            if (Down || items.Any(i => i.Edition.Date == Refuse))
                throw new IOException("the database refused the batch");
            foreach (var (edition, source) in items)
                await StoreAsync(edition, source, cancellationToken);
        }

        public int Batches { get; private set; }
    }
}
