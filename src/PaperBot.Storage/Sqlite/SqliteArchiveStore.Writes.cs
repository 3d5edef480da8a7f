using Microsoft.Data.Sqlite;
using PaperBot.Core.Domain;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Sqlite;

public sealed partial class SqliteArchiveStore
{
    // Also removes what this file produced before under another date: its date heading was corrected,
    // so the old date no longer exists in any file.
    private const string HasReplacedSql = "SELECT EXISTS (SELECT 1 FROM editions WHERE date = $date OR source_path = $path);";

    private const string DeleteReplacedSql = "DELETE FROM editions WHERE date = $date OR source_path = $path;";

    private const string InsertEditionSql = """
        INSERT INTO editions (date, source_path, content_hash, ingested_at) VALUES ($date, $path, $hash, $ingestedAt);
        INSERT INTO sources (path, content_hash, date) VALUES ($path, $hash, $date)
            ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, date = excluded.date;
        """;

    /// <summary>How many editions are written between two merges of the full-text indexes.</summary>
    private const int EditionsPerIndexMerge = 1000;

    private const string OptimizeIndexesSql = """
        INSERT INTO papers_fts (papers_fts) VALUES ('optimize');
        INSERT INTO paper_titles_fts (paper_titles_fts) VALUES ('optimize');
        """;

    private const string InsertPaperSql = """
        INSERT INTO papers (date, rank, title, url, arxiv_id, upvotes, thumbnail, summary, abstract, key_points, figures, extra_sections)
            VALUES ($date, $rank, $title, $url, $arxivId, $upvotes, $thumbnail, $summary, $abstract, $keyPoints, $figures, $extraSections);
        INSERT INTO papers_fts (rowid, title, summary, abstract, key_points)
            VALUES (last_insert_rowid(), $title, $summary, $abstract, $keyPointsText);
        INSERT INTO paper_titles_fts (rowid, title) VALUES (last_insert_rowid(), $title);
        """;

    private int _editionsSinceIndexMerge;

    public override async Task<string?> GetSourceHashAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM sources WHERE path = $path;";
        command.Parameters.AddWithValue("$path", path);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private protected override async Task<long> WriteEditionsAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var hasReplaced = Command(connection, transaction, HasReplacedSql, "$date", "$path");
        await using var deleteReplaced = Command(connection, transaction, DeleteReplacedSql, "$date", "$path");
        await using var insertEdition = Command(connection, transaction, InsertEditionSql, "$date", "$path", "$hash", "$ingestedAt");
        await using var insertPaper = Command(connection, transaction, InsertPaperSql,
            "$date", "$rank", "$title", "$url", "$arxivId", "$upvotes", "$thumbnail", "$summary", "$abstract",
            "$keyPoints", "$figures", "$extraSections", "$keyPointsText");
        foreach (var (edition, source) in items)
        {
            var date = SqliteValues.Date(edition.Date);
            SetValues(hasReplaced, date, source.Path);
            // Checked first because a DELETE that can reach the full-text tables (through the cascade and its
            // triggers) makes FTS5 flush its pending index on every edition, which triples a bulk ingest.
            if ((long)(await hasReplaced.ExecuteScalarAsync(ct))! == 1)
            {
                SetValues(deleteReplaced, date, source.Path);
                await deleteReplaced.ExecuteNonQueryAsync(ct);
            }
            SetValues(insertEdition, date, source.Path, source.ContentHash, SqliteValues.Instant(source.IngestedAt));
            await insertEdition.ExecuteNonQueryAsync(ct);
            foreach (var paper in edition.Papers)
            {
                SetValues(insertPaper, date, paper.Rank, paper.Title, paper.Url, SqliteValues.OrNull(paper.ArxivId),
                    SqliteValues.OrNull(paper.Upvotes), SqliteValues.OrNull(paper.Thumbnail), paper.Summary, paper.Abstract,
                    PaperJson.FromStrings(paper.KeyPoints), PaperJson.FromStrings(paper.Figures),
                    PaperJson.FromSections(paper.OtherSections), PaperText.KeyPoints(paper));
                await insertPaper.ExecuteNonQueryAsync(ct);
            }
        }
        if (Interlocked.Add(ref _editionsSinceIndexMerge, items.Count) >= EditionsPerIndexMerge)
        {
            // A bulk ingest leaves the full-text indexes in many small segments; merging them makes every later
            // search a third faster. A merge rewrites the whole index, so it is done once per thousand editions
            // written, not after every batch (which made a ten-year ingest quadratic).
            Interlocked.Exchange(ref _editionsSinceIndexMerge, 0);
            await using var optimize = Command(connection, transaction, OptimizeIndexesSql);
            await optimize.ExecuteNonQueryAsync(ct);
        }
        await using var bump = Command(connection, transaction, "UPDATE archive_version SET version = version + 1 WHERE id = 1 RETURNING version;");
        var version = (long)(await bump.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return version;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void SetValues(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }
}
