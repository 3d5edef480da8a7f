namespace PaperBot.Storage.Sqlite;

internal static class SqliteSchema
{
    public const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);";

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, """
            -- Bumped by every edition write; readers compare it to decide whether their cache is stale.
            CREATE TABLE archive_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO archive_version (id, version) VALUES (1, 0);

            CREATE TABLE editions (
                date TEXT PRIMARY KEY,
                source_path TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                ingested_at TEXT NOT NULL);
            CREATE INDEX editions_by_source ON editions (source_path);

            CREATE TABLE papers (
                id INTEGER PRIMARY KEY,
                date TEXT NOT NULL REFERENCES editions (date) ON DELETE CASCADE,
                rank INTEGER NOT NULL,
                title TEXT NOT NULL,
                url TEXT NOT NULL,
                arxiv_id TEXT,
                upvotes INTEGER,
                thumbnail TEXT,
                summary TEXT NOT NULL,
                abstract TEXT NOT NULL,
                key_points TEXT NOT NULL,
                figures TEXT NOT NULL,
                extra_sections TEXT NOT NULL);
            CREATE UNIQUE INDEX papers_newest_first ON papers (date DESC, rank);
            CREATE INDEX papers_by_arxiv_id ON papers (arxiv_id, date DESC) WHERE arxiv_id IS NOT NULL;

            -- rowid = papers.id. The trigram tokenizer matches any substring of 3+ characters, which is what
            -- makes Korean (no spaces between a noun and its particle: 모델의, 모델은) searchable.
            CREATE VIRTUAL TABLE papers_fts USING fts5 (title, summary, abstract, key_points, tokenize = 'trigram');
            CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
                DELETE FROM papers_fts WHERE rowid = old.id;
            END;

            CREATE TABLE sources (
                path TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                date TEXT NOT NULL);

            -- No foreign key to editions: replacing an edition must not forget what was already posted.
            CREATE TABLE deliveries (
                platform TEXT NOT NULL,
                channel TEXT NOT NULL,
                date TEXT NOT NULL,
                rank INTEGER NOT NULL,
                message_id TEXT NOT NULL,
                thread_id TEXT,
                posted_at TEXT NOT NULL,
                PRIMARY KEY (platform, channel, date, rank));
            CREATE INDEX deliveries_by_message ON deliveries (platform, message_id);
            CREATE INDEX deliveries_by_thread ON deliveries (platform, thread_id) WHERE thread_id IS NOT NULL;
            """),
        new(2, """
            -- Titles alone: title-word lookups read a few short lists instead of the whole text index.
            CREATE VIRTUAL TABLE paper_titles_fts USING fts5 (title, tokenize = 'trigram');
            INSERT INTO paper_titles_fts (rowid, title) SELECT id, title FROM papers;
            CREATE TRIGGER paper_titles_fts_delete AFTER DELETE ON papers BEGIN
                DELETE FROM paper_titles_fts WHERE rowid = old.id;
            END;
            """),
        new(3, """
            -- Subscriptions made in chat; active = 0 records an unsubscribe (it also hides a channel the settings list).
            CREATE TABLE subscriptions (
                platform TEXT NOT NULL,
                channel TEXT NOT NULL,
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                time_of_day TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_by TEXT,
                PRIMARY KEY (platform, channel)) WITHOUT ROWID;

            -- One edition's delivery to one channel: who holds it (owner until lease_until) and how it ended.
            CREATE TABLE edition_deliveries (
                platform TEXT NOT NULL,
                channel TEXT NOT NULL,
                date TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('in_progress', 'delivered', 'failed')),
                owner TEXT,
                lease_until TEXT,
                attempts INTEGER NOT NULL,
                last_error TEXT,
                permanent INTEGER NOT NULL CHECK (permanent IN (0, 1)),
                retry_at TEXT,
                edition_fingerprint TEXT,
                items_sent INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                PRIMARY KEY (platform, channel, date)) WITHOUT ROWID;
            CREATE INDEX edition_deliveries_by_date ON edition_deliveries (date);

            -- One row per item (header, card:N, thread:N, reply:N:I). No foreign keys: replacing an edition must not
            -- forget what was already posted.
            CREATE TABLE delivery_items (
                platform TEXT NOT NULL,
                channel TEXT NOT NULL,
                date TEXT NOT NULL,
                item TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
                platform_id TEXT,
                content_hash TEXT,
                attempts INTEGER NOT NULL,
                error TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (platform, channel, date, item)) WITHOUT ROWID;
            CREATE INDEX delivery_items_by_platform_id ON delivery_items (platform, platform_id) WHERE platform_id IS NOT NULL;

            -- The old ledger, one row per paper (rank 0: the header), becomes delivered editions of unknown content.
            -- A thread id was recorded once the paper's thread was complete; only Discord's threads are items of their own.
            INSERT INTO edition_deliveries (platform, channel, date, state, owner, lease_until, attempts, last_error, permanent,
                                            retry_at, edition_fingerprint, items_sent, started_at, finished_at)
                SELECT platform, channel, date, 'delivered', NULL, NULL, 1, NULL, 0, NULL, 'legacy',
                       count(*) + sum(platform = 'discord' AND rank > 0 AND thread_id IS NOT NULL), min(posted_at), max(posted_at)
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
