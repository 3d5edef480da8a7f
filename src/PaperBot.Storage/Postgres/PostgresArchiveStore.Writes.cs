using Npgsql;
using PaperBot.Core.Domain;
using PaperBot.Storage.Serialization;

namespace PaperBot.Storage.Postgres;

public sealed partial class PostgresArchiveStore
{
    // Removing the editions this file produced before covers a file whose date heading was corrected:
    // the old date no longer exists in any file, so it leaves the archive too.
    private const string ReplaceEditionSql = """
        DELETE FROM editions WHERE date = @date OR source_path = @path;
        INSERT INTO editions (date, source_path, content_hash, ingested_at) VALUES (@date, @path, @hash, @ingestedAt);
        INSERT INTO sources (path, content_hash, date) VALUES (@path, @hash, @date)
            ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, date = excluded.date;
        """;

    private const string InsertPaperSql = """
        INSERT INTO papers (date, rank, title, url, arxiv_id, upvotes, thumbnail, summary, abstract,
                            key_points, figures, extra_sections, search_text)
            VALUES (@date, @rank, @title, @url, @arxivId, @upvotes, @thumbnail, @summary, @abstract,
                    @keyPoints, @figures, @extraSections, @searchText);
        """;

    public override async Task<string?> GetSourceHashAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT content_hash FROM sources WHERE path = @path;");
        command.Parameters.AddWithValue("path", path);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private protected override async Task<long> WriteEditionsAsync(IReadOnlyList<(Edition Edition, DigestSource Source)> items, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Read committed: each statement after the lock sees what the writer before it committed, so it replaces that.
        await LockAsync(connection, transaction, PostgresSchema.EditionWriteLockKey, ct);
        foreach (var (edition, source) in items)
        {
            await using (var replace = new NpgsqlCommand(ReplaceEditionSql, connection, transaction))
            {
                replace.Parameters.AddWithValue("date", edition.Date);
                replace.Parameters.AddWithValue("path", source.Path);
                replace.Parameters.AddWithValue("hash", source.ContentHash);
                replace.Parameters.AddWithValue("ingestedAt", source.IngestedAt.ToUniversalTime());
                await replace.ExecuteNonQueryAsync(ct);
            }
            foreach (var paper in edition.Papers)
            {
                await using var insert = new NpgsqlCommand(InsertPaperSql, connection, transaction);
                insert.Parameters.AddWithValue("date", edition.Date);
                insert.Parameters.AddWithValue("rank", paper.Rank);
                insert.Parameters.AddWithValue("title", paper.Title);
                insert.Parameters.AddWithValue("url", paper.Url);
                insert.Parameters.AddWithValue("arxivId", (object?)paper.ArxivId ?? DBNull.Value);
                insert.Parameters.AddWithValue("upvotes", (object?)paper.Upvotes ?? DBNull.Value);
                insert.Parameters.AddWithValue("thumbnail", (object?)paper.Thumbnail ?? DBNull.Value);
                insert.Parameters.AddWithValue("summary", paper.Summary);
                insert.Parameters.AddWithValue("abstract", paper.Abstract);
                insert.Parameters.AddWithValue("keyPoints", PaperJson.FromStrings(paper.KeyPoints));
                insert.Parameters.AddWithValue("figures", PaperJson.FromStrings(paper.Figures));
                insert.Parameters.AddWithValue("extraSections", PaperJson.FromSections(paper.OtherSections));
                insert.Parameters.AddWithValue("searchText", PaperText.All(paper));
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using var bump = new NpgsqlCommand("UPDATE archive_version SET version = version + 1 WHERE id = 1 RETURNING version;", connection, transaction);
        var version = (long)(await bump.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return version;
    }
}
