namespace PaperBot.Storage.Postgres;

internal static class PostgresSchema
{
    /// <summary>Serialises concurrent migrations (two instances starting at once) within one database.</summary>
    public const long MigrationLockKey = 0x5061706572426f74; // "PaperBot"

    public const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL);";

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;

            -- Bumped by every edition write; readers compare it to decide whether their cache is stale.
            CREATE TABLE archive_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
            INSERT INTO archive_version (id, version) VALUES (1, 0);

            CREATE TABLE editions (
                date date PRIMARY KEY,
                source_path text NOT NULL,
                content_hash text NOT NULL,
                ingested_at timestamptz NOT NULL);
            CREATE INDEX editions_by_source ON editions (source_path);

            CREATE TABLE papers (
                date date NOT NULL REFERENCES editions (date) ON DELETE CASCADE,
                rank integer NOT NULL,
                title text NOT NULL,
                url text NOT NULL,
                arxiv_id text,
                upvotes integer,
                thumbnail text,
                summary text NOT NULL,
                abstract text NOT NULL,
                key_points text NOT NULL,
                figures text NOT NULL,
                extra_sections text NOT NULL,
                -- title, summary, abstract and key points in one column, for one trigram index to search.
                search_text text NOT NULL,
                PRIMARY KEY (date, rank));
            CREATE INDEX papers_by_arxiv_id ON papers (arxiv_id, date DESC) WHERE arxiv_id IS NOT NULL;
            CREATE INDEX papers_title_trigrams ON papers USING gin (title gin_trgm_ops);
            CREATE INDEX papers_search_trigrams ON papers USING gin (search_text gin_trgm_ops);

            CREATE TABLE sources (
                path text PRIMARY KEY,
                content_hash text NOT NULL,
                date date NOT NULL);

            -- No foreign key to editions: replacing an edition must not forget what was already posted.
            CREATE TABLE deliveries (
                platform text NOT NULL,
                channel text NOT NULL,
                date date NOT NULL,
                rank integer NOT NULL,
                message_id text NOT NULL,
                thread_id text,
                posted_at timestamptz NOT NULL,
                PRIMARY KEY (platform, channel, date, rank));
            CREATE INDEX deliveries_by_message ON deliveries (platform, message_id);
            CREATE INDEX deliveries_by_thread ON deliveries (platform, thread_id) WHERE thread_id IS NOT NULL;
            """),
    ];
}
