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
    ];
}
