namespace PaperBot.Storage.Delivery;

/// <summary>
/// The delivery record's statements, in the SQL that SQLite and PostgreSQL both accept, so the rules of who may send are
/// written once. Each decision is one statement: its condition is checked against the row as it is when the statement
/// runs (SQLite: under the write lock taken before it reads; PostgreSQL: on the latest committed row, re-checked after
/// waiting for a concurrent writer of that row).
/// </summary>
internal static class DeliverySql
{
    public const string DeliveryColumns =
        "platform, channel, date, state, owner, lease_until, attempts, last_error, permanent, retry_at, edition_fingerprint, items_sent, started_at, finished_at";

    public const string ItemColumns = "item, state, platform_id, content_hash, attempts, error, updated_at";

    public const string SubscriptionColumns = "platform, channel, active, time_of_day, time_zone, changed_at, changed_by";

    private const string IsKey = "platform = @platform AND channel = @channel AND date = @date";

    private const string IsLeasedByOwner = "owner = @owner AND lease_until > @now";

    /// <summary>Creates the delivery, renews the owner's lease or takes over one nobody holds; no row when another owner holds it.</summary>
    public const string Lease = $"""
        INSERT INTO edition_deliveries AS d ({DeliveryColumns})
            VALUES (@platform, @channel, @date, 'in_progress', @owner, @leaseUntil, 1, NULL, false, NULL, @fingerprint, 0, @now, NULL)
        ON CONFLICT (platform, channel, date) DO UPDATE SET
            state = 'in_progress',
            owner = excluded.owner,
            lease_until = excluded.lease_until,
            attempts = CASE WHEN (d.owner = excluded.owner AND d.lease_until > @now) OR d.state = 'delivered' THEN d.attempts ELSE d.attempts + 1 END,
            permanent = false,
            retry_at = NULL,
            edition_fingerprint = coalesce(d.edition_fingerprint, excluded.edition_fingerprint)
        WHERE d.owner IS NULL OR d.lease_until IS NULL OR d.lease_until <= @now OR d.owner = excluded.owner
        RETURNING {DeliveryColumns};
        """;

    public const string RenewLease = $"""
        UPDATE edition_deliveries SET lease_until = @leaseUntil
        WHERE {IsKey} AND owner = @owner AND state = 'in_progress';
        """;

    private const string ClaimItemUpsert = $"""
        ON CONFLICT (platform, channel, date, item) DO UPDATE SET
            state = 'claimed', platform_id = NULL, content_hash = NULL, attempts = i.attempts + 1, updated_at = excluded.updated_at
        WHERE i.state <> 'sent'
        """;

    private const string ClaimedItem = "@platform, @channel, @date, @item, 'claimed', NULL, NULL, 1, NULL, @now";

    /// <summary>
    /// SQLite, inside the decision's write lock: claims the item if the owner holds the delivery's lease and the item is
    /// not sent, returning the item's attempt count; no row otherwise (then <see cref="IsLeased"/> tells which).
    /// </summary>
    public const string ClaimItemSqlite = $"""
        INSERT INTO delivery_items AS i (platform, channel, date, {ItemColumns})
            SELECT {ClaimedItem} FROM edition_deliveries WHERE {IsKey} AND {IsLeasedByOwner}
        {ClaimItemUpsert}
        RETURNING attempts;
        """;

    /// <summary>
    /// PostgreSQL, one statement: whether the owner holds the lease and, if the item was claimed, its attempt count. The
    /// delivery row is share-locked until the claim commits, so a take-over waits for it, and one that committed first
    /// is seen (the lock re-reads the row).
    /// </summary>
    public const string ClaimItemPostgres = $"""
        WITH lease AS (
            SELECT 1 FROM edition_deliveries WHERE {IsKey} AND {IsLeasedByOwner} FOR SHARE),
        claimed AS (
            INSERT INTO delivery_items AS i (platform, channel, date, {ItemColumns})
                SELECT {ClaimedItem} FROM lease
            {ClaimItemUpsert}
            RETURNING i.attempts)
        SELECT EXISTS (SELECT 1 FROM lease), (SELECT attempts FROM claimed);
        """;

    public const string IsLeased = $"SELECT count(*) FROM edition_deliveries WHERE {IsKey} AND {IsLeasedByOwner};";

    public const string MarkItemSent = $"""
        INSERT INTO delivery_items AS i (platform, channel, date, {ItemColumns})
            VALUES (@platform, @channel, @date, @item, 'sent', @platformId, @contentHash, 1, NULL, @now)
        ON CONFLICT (platform, channel, date, item) DO UPDATE SET
            state = 'sent', platform_id = excluded.platform_id, content_hash = excluded.content_hash, error = NULL, updated_at = excluded.updated_at;
        """;

    /// <summary>A sent item stays sent: what is in the channel is never forgotten.</summary>
    public const string MarkItemFailed = $"""
        INSERT INTO delivery_items AS i (platform, channel, date, {ItemColumns})
            VALUES (@platform, @channel, @date, @item, 'failed', NULL, NULL, 1, @error, @now)
        ON CONFLICT (platform, channel, date, item) DO UPDATE SET
            state = 'failed', platform_id = NULL, content_hash = NULL, error = excluded.error, updated_at = excluded.updated_at
        WHERE i.state <> 'sent';
        """;

    /// <summary>Ends the owner's attempt; a finish in progress (a hand-back) keeps the delivery's finish time.</summary>
    public const string Finish = $"""
        UPDATE edition_deliveries SET
            state = @state,
            owner = NULL,
            lease_until = NULL,
            edition_fingerprint = @fingerprint,
            items_sent = @itemsSent,
            last_error = coalesce(@error, CASE WHEN @state = 'delivered' THEN NULL ELSE last_error END),
            permanent = @permanent,
            retry_at = @retryAt,
            finished_at = CASE WHEN @state = 'in_progress' THEN finished_at ELSE @now END
        WHERE {IsKey} AND owner = @owner;
        """;

    public const string Item = $"SELECT {ItemColumns} FROM delivery_items WHERE {IsKey} AND item = @item;";

    public const string Items = $"SELECT {ItemColumns} FROM delivery_items WHERE {IsKey};";

    public const string DeliveriesSince = $"SELECT {DeliveryColumns} FROM edition_deliveries WHERE date >= @since ORDER BY date, platform, channel;";

    public const string ChannelHistory = $"""
        SELECT {DeliveryColumns} FROM edition_deliveries
        WHERE platform = @platform AND channel = @channel
        ORDER BY date DESC
        LIMIT @limit;
        """;

    public const string EditionDeliveries = $"SELECT {DeliveryColumns} FROM edition_deliveries WHERE date = @date;";

    /// <summary>The items with a platform id, a card and its thread at most (on Discord they share it): the index answers it alone.</summary>
    public const string ItemsWithPlatformId = """
        SELECT platform, channel, date, item FROM delivery_items
        WHERE platform = @platform AND platform_id = @platformId;
        """;

    public const string Subscriptions = $"SELECT {SubscriptionColumns} FROM subscriptions ORDER BY platform, channel;";

    public const string SaveSubscription = $"""
        INSERT INTO subscriptions ({SubscriptionColumns})
            VALUES (@platform, @channel, @active, @timeOfDay, @timeZone, @changedAt, @changedBy)
        ON CONFLICT (platform, channel) DO UPDATE SET
            active = excluded.active, time_of_day = excluded.time_of_day, time_zone = excluded.time_zone,
            changed_at = excluded.changed_at, changed_by = excluded.changed_by;
        """;
}
