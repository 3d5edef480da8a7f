using Npgsql;
using PaperBot.Core.Domain;
using PaperBot.Storage.Caching;
using PaperBot.Storage.Search;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresArchiveStore
{
    private const string LoadEditionSql = """
        SELECT p.rank, p.title, p.url, p.arxiv_id, p.upvotes, p.thumbnail, p.summary, p.abstract,
               p.key_points, p.figures, p.extra_sections
        FROM editions e LEFT JOIN papers p ON p.date = e.date
        WHERE e.date = @date
        ORDER BY p.rank;
        """;

    private protected override async Task<IReadOnlyList<DateOnly>> LoadDatesNewestFirstAsync(CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT date FROM editions ORDER BY date DESC;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var dates = new List<DateOnly>();
        while (await reader.ReadAsync(ct))
            dates.Add(reader.GetFieldValue<DateOnly>(0));
        return dates;
    }

    private protected override async Task<Edition?> LoadEditionAsync(DateOnly date, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(LoadEditionSql);
        command.Parameters.AddWithValue("date", date);
        return await StoredRows.ReadEditionAsync(command, date, ct);
    }

    private protected override async Task<IReadOnlyList<PaperKey>> QueryArxivIdAsync(string arxivId, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT date, rank FROM papers WHERE arxiv_id = @arxivId ORDER BY date DESC, rank;");
        command.Parameters.AddWithValue("arxivId", arxivId);
        return await StoredRows.ReadKeysAsync(command, ColumnReaders.Native, ct);
    }

    private protected override async Task<IReadOnlyList<PaperKey>> QueryTitleAsync(SearchWords words, DateOnly? date, int limit, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand();
        var conditions = ContainsEveryWord(command, words, "title").ToList();
        if (date is { } day)
        {
            conditions.Add("date = @date");
            command.Parameters.AddWithValue("date", day);
        }
        command.CommandText = $"""
            SELECT date, rank FROM papers
            WHERE {string.Join(" AND ", conditions)}
            ORDER BY date DESC, rank
            LIMIT @limit;
            """;
        command.Parameters.AddWithValue("limit", limit);
        return await StoredRows.ReadKeysAsync(command, ColumnReaders.Native, ct);
    }

    private protected override async Task<IReadOnlyList<PaperKey>> QuerySearchAsync(SearchWords words, int limit, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand();
        var conditions = ContainsEveryWord(command, words, "search_text").ToList();
        // word_similarity is 1 when the word appears whole, less for a part of a longer word. Each field that
        // has the word adds to the relevance, the title twice; negated, so that lower is better as SearchHit promises.
        var relevance = string.Join(" + ", Enumerable.Range(0, words.All.Count)
            .Select(i => $"2 * word_similarity(@word{i}, title) + word_similarity(@word{i}, summary) " +
                         $"+ word_similarity(@word{i}, key_points) + word_similarity(@word{i}, abstract)"));
        for (var i = 0; i < words.All.Count; i++)
            command.Parameters.AddWithValue($"word{i}", words.All[i]);
        command.CommandText = $"""
            SELECT date, rank, -({relevance})::float8 AS score FROM (
                SELECT date, rank, title, summary, key_points, abstract FROM papers
                WHERE {string.Join(" AND ", conditions)}
                ORDER BY date DESC, rank
                LIMIT @window
            ) newest
            ORDER BY score, date DESC, rank
            LIMIT @limit;
            """;
        command.Parameters.AddWithValue("window", Math.Max(SearchWords.RankingWindow, limit));
        command.Parameters.AddWithValue("limit", limit);
        return await StoredRows.ReadKeysAsync(command, ColumnReaders.Native, ct);
    }

    /// <summary>One ILIKE per word; the column's trigram index serves those of 3+ characters.</summary>
    private static IEnumerable<string> ContainsEveryWord(NpgsqlCommand command, SearchWords words, string column)
    {
        for (var i = 0; i < words.All.Count; i++)
        {
            command.Parameters.AddWithValue($"pattern{i}", SearchWords.ContainsPattern(words.All[i]));
            yield return $"{column} ILIKE @pattern{i}";
        }
    }
}
