namespace PaperBot.Storage.Postgres;

internal static class PostgresSchema
{
    /// <summary>Serialises concurrent migrations (two instances starting at once) within one database.</summary>
    public const long MigrationLockKey = 0x5061706572426f74; // "PaperBot"

    /// <summary>
    /// Serialises writes of editions within one database: copies of the bot started together ingest the same digests at
    /// once, and a replace (delete, then insert) racing another's would hit the other's new row's key.
    /// </summary>
    public const long EditionWriteLockKey = 0x5061706572456473; // "PaperEds"

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
        new(2, """
            -- Subscriptions made in chat; active false records an unsubscribe (it also hides a channel the settings list).
            CREATE TABLE subscriptions (
                platform text NOT NULL,
                channel text NOT NULL,
                active boolean NOT NULL,
                time_of_day text NOT NULL,
                time_zone text NOT NULL,
                changed_at timestamptz NOT NULL,
                changed_by text,
                PRIMARY KEY (platform, channel));

            -- One edition's delivery to one channel: who holds it (owner until lease_until) and how it ended.
            CREATE TABLE edition_deliveries (
                platform text NOT NULL,
                channel text NOT NULL,
                date date NOT NULL,
                state text NOT NULL CHECK (state IN ('in_progress', 'delivered', 'failed')),
                owner text,
                lease_until timestamptz,
                attempts integer NOT NULL,
                last_error text,
                permanent boolean NOT NULL,
                retry_at timestamptz,
                edition_fingerprint text,
                items_sent integer NOT NULL,
                started_at timestamptz NOT NULL,
                finished_at timestamptz,
                PRIMARY KEY (platform, channel, date));
            CREATE INDEX edition_deliveries_by_date ON edition_deliveries (date);

            -- One row per item (header, card:N, thread:N, reply:N:I). No foreign keys: replacing an edition must not
            -- forget what was already posted.
            CREATE TABLE delivery_items (
                platform text NOT NULL,
                channel text NOT NULL,
                date date NOT NULL,
                item text NOT NULL,
                state text NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
                platform_id text,
                content_hash text,
                attempts integer NOT NULL,
                error text,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (platform, channel, date, item));
            CREATE INDEX delivery_items_by_platform_id ON delivery_items (platform, platform_id) WHERE platform_id IS NOT NULL;

            -- The old ledger, one row per paper (rank 0: the header), becomes delivered editions of unknown content.
            -- A thread id was recorded once the paper's thread was complete; only Discord's threads are items of their own.
            INSERT INTO edition_deliveries (platform, channel, date, state, owner, lease_until, attempts, last_error, permanent,
                                            retry_at, edition_fingerprint, items_sent, started_at, finished_at)
                SELECT platform, channel, date, 'delivered', NULL, NULL, 1, NULL, false, NULL, 'legacy',
                       count(*) + count(*) FILTER (WHERE platform = 'discord' AND rank > 0 AND thread_id IS NOT NULL),
                       min(posted_at), max(posted_at)
                FROM deliveries GROUP BY platform, channel, date;
            INSERT INTO delivery_items (platform, channel, date, item, state, platform_id, content_hash, attempts, error, updated_at)
                SELECT platform, channel, date, CASE WHEN rank = 0 THEN 'header' ELSE 'card:' || rank END, 'sent', message_id, NULL, 1, NULL, posted_at
                FROM deliveries;
            INSERT INTO delivery_items (platform, channel, date, item, state, platform_id, content_hash, attempts, error, updated_at)
                SELECT platform, channel, date, 'thread:' || rank, 'sent', thread_id, NULL, 1, NULL, posted_at
                FROM deliveries WHERE platform = 'discord' AND rank > 0 AND thread_id IS NOT NULL;
            DROP TABLE deliveries;
            """),
    ];
}
