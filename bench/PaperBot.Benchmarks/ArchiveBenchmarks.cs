using PaperBot.Digest;
using PaperBot.Core.Ingest;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using PaperBot.Core.Domain;
using PaperBot.Storage;

namespace PaperBot.Benchmarks;

/// <summary>Adds the percentile columns the performance goals are stated in.</summary>
public sealed class ArchivePercentilesConfig : ManualConfig
{
    public ArchivePercentilesConfig() =>
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.P100);
}

/// <summary>Full ingest of the ten-year corpus into a fresh SQLite file (goal: under 5 s).</summary>
[Config(typeof(ArchivePercentilesConfig))]
[MemoryDiagnoser]
public class ArchiveIngestBenchmarks
{
    private IReadOnlyList<(string Path, byte[] Bytes)> _files = [];
    private List<(Edition Edition, DigestSource Source)> _parsed = [];
    private string _databaseFile = "";

    [GlobalSetup]
    public void LoadCorpus()
    {
        _files = ArchiveCorpus.ReadFiles();
        _parsed = ArchiveCorpus.Parse(_files);
    }

    [IterationSetup]
    public void NewDatabase() => _databaseFile = ArchiveCorpus.NewDatabaseFile();

    [IterationCleanup]
    public void DeleteDatabase() => ArchiveCorpus.DeleteDatabase(_databaseFile);

    /// <summary>What the bot does on its first start: read each file from disk, hash, parse, store in batches.</summary>
    [Benchmark]
    public async Task IngestCorpusFolder()
    {
        await using var store = ArchiveStores.Create(StorageProvider.Sqlite, $"Data Source={_databaseFile}");
        await store.MigrateAsync();
        var report = await new DigestIngestor(new MarkdigDigestParser(), store, TimeProvider.System).IngestFolderAsync(ArchiveCorpus.Folder);
        if (report.Stored != _files.Count)
            throw new InvalidOperationException($"Ingest stored {report.Stored} of {_files.Count} digests: {report}");
    }

    /// <summary>Read bytes already in memory → parse, hash → store, all in one transaction.</summary>
    [Benchmark]
    public async Task ParseAndStoreCorpus()
    {
        await using var store = ArchiveStores.Create(StorageProvider.Sqlite, $"Data Source={_databaseFile}");
        await store.MigrateAsync();
        await store.StoreManyAsync(ArchiveCorpus.Parse(_files));
    }

    [Benchmark]
    public async Task StoreParsedCorpus()
    {
        await using var store = ArchiveStores.Create(StorageProvider.Sqlite, $"Data Source={_databaseFile}");
        await store.MigrateAsync();
        await store.StoreManyAsync(_parsed);
    }
}

/// <summary>
/// One query of each kind on the ten-year archive (goal: p99 under 2 ms). Editions are served from the
/// in-memory cache after their first read, which is the steady state of a running bot; each call still
/// checks the database for changes. <see cref="AnswerCache"/> false measures every search, title-word and
/// arXiv-id query against the database (the first time a query is asked); true, a query asked again.
/// </summary>
[Config(typeof(ArchivePercentilesConfig))]
[MemoryDiagnoser]
public class ArchiveQueryBenchmarks
{
    private static readonly DateOnly SomeDate = new(2022, 10, 19);

    private IArchiveStore _store = null!;
    private string _databaseFile = "";
    private string _arxivId = "";

    [Params(false, true)]
    public bool AnswerCache { get; set; }

    [GlobalSetup]
    public async Task IngestCorpus()
    {
        _databaseFile = ArchiveCorpus.NewDatabaseFile();
        _store = ArchiveStores.Create(StorageProvider.Sqlite, $"Data Source={_databaseFile}",
            new ArchiveStoreOptions { QueryCacheEntries = AnswerCache ? 1024 : 0 });
        await _store.MigrateAsync();
        await _store.StoreManyAsync(ArchiveCorpus.Parse(ArchiveCorpus.ReadFiles()));
        _arxivId = (await _store.GetEditionAsync(SomeDate))?.Papers[0].ArxivId
            ?? throw new InvalidOperationException("The corpus is not the expected ten-year one.");
    }

    [GlobalCleanup]
    public async Task DeleteArchive()
    {
        await _store.DisposeAsync();
        ArchiveCorpus.DeleteDatabase(_databaseFile);
    }

    [Benchmark]
    public Task<Edition?> Latest() => _store.GetLatestAsync();

    [Benchmark]
    public Task<Edition?> ByDate() => _store.GetEditionAsync(SomeDate);

    [Benchmark]
    public Task<IReadOnlyList<DateOnly>> Dates() => _store.ListDatesAsync();

    [Benchmark]
    public Task<IReadOnlyList<PaperRef>> ByArxivId() => _store.FindByArxivIdAsync(_arxivId);

    [Benchmark]
    public Task<IReadOnlyList<PaperRef>> TitleWords() => _store.FindByTitleAsync("modular routing", null, 25);

    /// <summary>Korean words of 3+ characters: the trigram index, ranked by bm25.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SearchHit>> SearchKorean() => _store.SearchAsync("강건하게 일반화", 10);

    /// <summary>Two-syllable Korean words, shorter than a trigram: the LIKE fallback, newest first.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SearchHit>> SearchKoreanShortWords() => _store.SearchAsync("음성 합성", 10);

    [Benchmark]
    public Task<IReadOnlyList<SearchHit>> SearchEnglish() => _store.SearchAsync("world models", 10);
}
