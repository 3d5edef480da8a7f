using Microsoft.Data.Sqlite;
using PaperBot.Core.Domain;
using PaperBot.Storage.Caching;
using PaperBot.Storage.Search;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Sqlite;

public sealed partial class SqliteArchiveStore
{
    // Column weights for bm25, in papers_fts column order: a word in the title counts most.
    private const string Bm25 = "bm25(papers_fts, 4.0, 2.0, 1.0, 2.0)";

    private const string LoadEditionSql = """
        SELECT p.rank, p.title, p.url, p.arxiv_id, p.upvotes, p.thumbnail, p.summary, p.abstract,
               p.key_points, p.figures, p.extra_sections
        FROM editions e LEFT JOIN papers p ON p.date = e.date
        WHERE e.date = $date
        ORDER BY p.rank;
        """;

    private protected override async Task<IReadOnlyList<DateOnly>> LoadDatesNewestFirstAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT date FROM editions ORDER BY date DESC;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var dates = new List<DateOnly>();
        while (await reader.ReadAsync(ct))
            dates.Add(SqliteValues.Date(reader, 0));
        return dates;
    }

    private protected override async Task<Edition?> LoadEditionAsync(DateOnly date, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = LoadEditionSql;
        command.Parameters.AddWithValue("$date", SqliteValues.Date(date));
        return await StoredRows.ReadEditionAsync(command, date, ct);
    }

    private protected override async Task<IReadOnlyList<PaperKey>> QueryArxivIdAsync(string arxivId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT date, rank FROM papers WHERE arxiv_id = $arxivId ORDER BY date DESC, rank;";
        command.Parameters.AddWithValue("$arxivId", arxivId);
        return await StoredRows.ReadKeysAsync(command, SqliteValues.Columns, ct);
    }

    private protected override async Task<IReadOnlyList<PaperKey>> QueryTitleAsync(SearchWords words, DateOnly? date, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var conditions = ShortWordConditions(command, words.Short, ["paper_titles_fts.title"]).ToList();
        string from;
        if (words.Indexed.Count > 0)
        {
            from = "paper_titles_fts JOIN papers p ON p.id = paper_titles_fts.rowid";
            conditions.Add("paper_titles_fts MATCH $match");
            command.Parameters.AddWithValue("$match", string.Join(" AND ", words.Indexed.Select(FtsPhrase)));
        }
        else
        {
            // Only short words: walk the papers newest first (the index alone, no wide rows) and stop at the limit.
            from = "papers p CROSS JOIN paper_titles_fts ON paper_titles_fts.rowid = p.id";
        }
        if (date is { } day)
        {
            conditions.Add("p.date = $date");
            command.Parameters.AddWithValue("$date", SqliteValues.Date(day));
        }
        command.CommandText = $"""
            SELECT p.date, p.rank FROM {from}
            WHERE {string.Join(" AND ", conditions)}
            ORDER BY p.date DESC, p.rank
            LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        return await StoredRows.ReadKeysAsync(command, SqliteValues.Columns, ct);
    }

    private protected override async Task<IReadOnlyList<PaperKey>> QuerySearchAsync(SearchWords words, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        string[] columns = ["papers_fts.title", "papers_fts.summary", "papers_fts.abstract", "papers_fts.key_points"];
        var shortWords = ShortWordConditions(command, words.Short, columns);
        if (words.Indexed.Count > 0)
        {
            command.Parameters.AddWithValue("$match", string.Join(" AND ", words.Indexed.Select(FtsPhrase)));
            // bm25 is computed only for the newest matches (see SearchWords.RankingWindow). FTS5 walks its rowids
            // backwards cheaply, and rowids follow the order editions were stored: the pipeline writes one digest a
            // day, so the most recently stored matches are the newest (an old digest re-ingested later counts as new).
            command.Parameters.AddWithValue("$window", Math.Max(SearchWords.RankingWindow, limit));
            command.CommandText = $"""
                SELECT p.date, p.rank, m.score
                FROM (
                    SELECT papers_fts.rowid AS id, {Bm25} AS score
                    FROM papers_fts
                    WHERE {string.Join(" AND ", ["papers_fts MATCH $match", .. shortWords])}
                    ORDER BY papers_fts.rowid DESC
                    LIMIT $window
                ) m JOIN papers p ON p.id = m.id
                ORDER BY m.score, p.date DESC, p.rank
                LIMIT $limit;
                """;
        }
        else
        {
            // No word is long enough for the trigram index: walk the papers newest first and stop at the limit.
            // Without an index there is no relevance to rank by, so every hit scores the same.
            command.CommandText = $"""
                SELECT p.date, p.rank, 0.0 AS score
                FROM papers p CROSS JOIN papers_fts ON papers_fts.rowid = p.id
                WHERE {string.Join(" AND ", shortWords)}
                ORDER BY p.date DESC, p.rank
                LIMIT $limit;
                """;
        }
        command.Parameters.AddWithValue("$limit", limit);
        return await StoredRows.ReadKeysAsync(command, SqliteValues.Columns, ct);
    }

    /// <summary>One condition per word: the word appears in at least one of the columns.</summary>
    private static IEnumerable<string> ShortWordConditions(SqliteCommand command, IReadOnlyList<string> words, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var name = $"$short{i}";
            command.Parameters.AddWithValue(name, SearchWords.ContainsPattern(words[i]));
            yield return "(" + string.Join(" OR ", columns.Select(c => $"{c} LIKE {name} ESCAPE '\\'")) + ")";
        }
    }

    private static string FtsPhrase(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
