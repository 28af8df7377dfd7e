namespace FeedAggregator.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of steps. The database's <c>user_version</c> is the number of
/// steps applied; a step is never edited once released, only followed by a new one.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<MigrationStep> Steps { get; } =
    [
        // 1: feeds with their poll state, articles unique per (feed, key).
        """
        CREATE TABLE feeds (
            id                 INTEGER PRIMARY KEY,
            url                TEXT    NOT NULL UNIQUE,
            origin             TEXT    NOT NULL DEFAULT 'opml',
            title              TEXT,
            site_url           TEXT,
            category           TEXT,
            interval_seconds   INTEGER,
            etag               TEXT,
            last_modified      TEXT,
            status             TEXT    NOT NULL DEFAULT 'new',
            last_http_status   INTEGER,
            last_error         TEXT,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            last_polled_at     INTEGER,
            last_success_at    INTEGER,
            next_poll_at       INTEGER,
            retry_after_at     INTEGER,
            created_at         INTEGER NOT NULL
        );
        CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE origin = 'opml';

        CREATE TABLE articles (
            id              INTEGER PRIMARY KEY,
            feed_id         INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            key             TEXT    NOT NULL,
            public_id       TEXT    NOT NULL UNIQUE,
            source_id       TEXT,
            url             TEXT,
            title           TEXT    NOT NULL,
            summary_html    TEXT,
            content_html    TEXT,
            authors         TEXT    NOT NULL DEFAULT '[]',
            categories      TEXT    NOT NULL DEFAULT '[]',
            enclosures      TEXT    NOT NULL DEFAULT '[]',
            published_at    INTEGER,
            updated_at      INTEGER,
            language        TEXT,
            content_hash    TEXT    NOT NULL,
            first_seen_at   INTEGER NOT NULL,
            last_changed_at INTEGER NOT NULL,
            sort_at         INTEGER NOT NULL,
            UNIQUE (feed_id, key)
        );
        CREATE INDEX articles_newest ON articles (sort_at DESC, id DESC);

        -- A counter bumped by every change the published feed shows, so that rendered output is
        -- cached until it changes, whichever process (service or CLI) wrote.
        CREATE TABLE store_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO store_version (id, version) VALUES (1, 0);
        CREATE TRIGGER articles_inserted AFTER INSERT ON articles
            BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER articles_updated AFTER UPDATE ON articles
            BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER articles_deleted AFTER DELETE ON articles
            BEGIN UPDATE store_version SET version = version + 1; END;
        CREATE TRIGGER feeds_renamed AFTER UPDATE OF url, title, site_url ON feeds
            WHEN old.url IS NOT new.url OR old.title IS NOT new.title OR old.site_url IS NOT new.site_url
            BEGIN UPDATE store_version SET version = version + 1; END;
        """,

        // 2: polling state: the hash of the last body (skip unchanged bodies of servers that
        // ignore validators), the feed URL found on an HTML page, and the feed's own hint for
        // how often to poll (ttl, sy:updatePeriod, Cache-Control max-age, Expires).
        """
        ALTER TABLE feeds ADD COLUMN body_hash TEXT;
        ALTER TABLE feeds ADD COLUMN discovered_url TEXT;
        ALTER TABLE feeds ADD COLUMN hint_seconds INTEGER;
        """,

        // 3: full-text search over titles and HTML for ?q= (FTS5, external content: the text is
        // stored once, in articles; triggers keep the index in step, including for old rows).
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, summary_html, content_html,
            content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
        CREATE TRIGGER articles_fts_inserted AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, summary_html, content_html)
            VALUES (new.id, new.title, new.summary_html, new.content_html);
        END;
        CREATE TRIGGER articles_fts_deleted AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, summary_html, content_html)
            VALUES ('delete', old.id, old.title, old.summary_html, old.content_html);
        END;
        CREATE TRIGGER articles_fts_updated AFTER UPDATE OF title, summary_html, content_html ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, summary_html, content_html)
            VALUES ('delete', old.id, old.title, old.summary_html, old.content_html);
            INSERT INTO articles_fts (rowid, title, summary_html, content_html)
            VALUES (new.id, new.title, new.summary_html, new.content_html);
        END;
        """,

        // 4: stories across feeds (one per group of articles with the same link or near-identical
        // text), the MinHash fingerprint and its LSH buckets, and tombstones of removed articles.
        """
        ALTER TABLE articles ADD COLUMN story_id INTEGER;
        ALTER TABLE articles ADD COLUMN story_match TEXT NOT NULL DEFAULT 'first';
        ALTER TABLE articles ADD COLUMN story_score REAL;
        ALTER TABLE articles ADD COLUMN fingerprint BLOB;
        UPDATE articles SET story_id = id;
        CREATE INDEX articles_story ON articles (story_id, sort_at, id);
        CREATE INDEX articles_url ON articles (url, feed_id) WHERE url IS NOT NULL;

        -- One row per LSH band of each fingerprint: candidates are found by an index seek per band.
        CREATE TABLE story_buckets (
            bucket     INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (bucket, article_id)
        ) WITHOUT ROWID;

        -- What retention removed stays removed: a later poll of the same feed does not bring it back.
        CREATE TABLE tombstones (
            feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            key        TEXT    NOT NULL,
            url        TEXT,
            removed_at INTEGER NOT NULL,
            PRIMARY KEY (feed_id, key)
        );
        CREATE INDEX tombstones_url ON tombstones (feed_id, url) WHERE url IS NOT NULL;
        """,

        // 5: what the last parse of a feed tolerated or cut, shown beside its status.
        """
        ALTER TABLE feeds ADD COLUMN last_warning TEXT;
        """,

        // 6: ?q= searches an article's text, not its markup: the index holds the title and the
        // plain text the processor computed, given by the writer as it stores the article (no
        // second pass over the HTML). Contentless, so the text is not stored twice; old rows are
        // indexed from their stored HTML. raw_hash is the hash of the entry as parsed: an entry
        // that comes back unchanged is recognised before it is processed. Writing only raw_hash
        // is not a change readers see, so the version trigger now names the columns they see.
        new(
            """
            ALTER TABLE articles ADD COLUMN raw_hash TEXT;
            DROP TRIGGER articles_fts_inserted;
            DROP TRIGGER articles_fts_deleted;
            DROP TRIGGER articles_fts_updated;
            DROP TABLE articles_fts;
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_fts_deleted AFTER DELETE ON articles BEGIN
                DELETE FROM articles_fts WHERE rowid = old.id;
            END;
            DROP TRIGGER articles_updated;
            CREATE TRIGGER articles_updated AFTER UPDATE OF
                feed_id, key, public_id, source_id, url, title, summary_html, content_html, authors, categories,
                enclosures, published_at, updated_at, language, content_hash, first_seen_at, last_changed_at,
                sort_at, story_id, story_match, story_score, fingerprint ON articles
                BEGIN UPDATE store_version SET version = version + 1; END;
            """,
            SearchIndex.RebuildAsync),

        // 7: a counter of feed changes (poll state, subscriptions), beside the article counter:
        // pages about the feeds (/status) are rendered once per change, not once per request.
        new("""
        ALTER TABLE store_version ADD COLUMN feeds_version INTEGER NOT NULL DEFAULT 0;
        CREATE TRIGGER feeds_inserted_state AFTER INSERT ON feeds
            BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
        CREATE TRIGGER feeds_updated_state AFTER UPDATE ON feeds
            BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
        CREATE TRIGGER feeds_deleted_state AFTER DELETE ON feeds
            BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
        """),

        // 8: a feed that leaves the OPML is marked removed, not deleted: it stops being polled and
        // its articles leave the merged feed, but re-adding it within the grace period restores both.
        new("""
        ALTER TABLE feeds ADD COLUMN removed_at INTEGER;
        CREATE TRIGGER feeds_removed AFTER UPDATE OF removed_at ON feeds
            WHEN old.removed_at IS NOT new.removed_at
            BEGIN UPDATE store_version SET version = version + 1; END;
        """),

        // 9: freshness. Each feed keeps the posting-rate sample of its last document (the oldest
        // sampled date and how many entries), the WebSub hub it declared, and the push state the
        // schedule reads: push_until and push_seen_at are the subscriber's to write, push_missed_at
        // the poll's, so neither overwrites the other. One row per WebSub subscription, with no
        // foreign key: when a feed is purged its row stays, marked for unsubscribing, until the
        // hub has been told; a purged feed's id reused by a new feed never matches a live row.
        new("""
        ALTER TABLE feeds ADD COLUMN posting_since INTEGER;
        ALTER TABLE feeds ADD COLUMN posting_entries INTEGER;
        ALTER TABLE feeds ADD COLUMN hub_url TEXT;
        ALTER TABLE feeds ADD COLUMN hub_topic TEXT;
        ALTER TABLE feeds ADD COLUMN push_until INTEGER;
        ALTER TABLE feeds ADD COLUMN push_seen_at INTEGER;
        ALTER TABLE feeds ADD COLUMN push_missed_at INTEGER;

        CREATE TABLE websub_subscriptions (
            id           INTEGER PRIMARY KEY,
            feed_id      INTEGER NOT NULL,
            hub          TEXT    NOT NULL,
            topic        TEXT    NOT NULL,
            token        TEXT    NOT NULL UNIQUE,
            secret       TEXT    NOT NULL,
            state        TEXT    NOT NULL,
            requested_at INTEGER,
            verified_at  INTEGER,
            lease_until  INTEGER,
            attempts     INTEGER NOT NULL DEFAULT 0,
            retry_at     INTEGER,
            last_error   TEXT,
            last_push_at INTEGER,
            pushes       INTEGER NOT NULL DEFAULT 0,
            rejected     INTEGER NOT NULL DEFAULT 0,
            created_at   INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX websub_subscriptions_feed ON websub_subscriptions (feed_id) WHERE state <> 'unsubscribing';
        CREATE TRIGGER feeds_purged_websub AFTER DELETE ON feeds BEGIN
            UPDATE websub_subscriptions SET state = 'unsubscribing', requested_at = NULL, retry_at = NULL
            WHERE feed_id = old.id AND state <> 'unsubscribing';
        END;
        CREATE TRIGGER websub_inserted_state AFTER INSERT ON websub_subscriptions
            BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
        CREATE TRIGGER websub_updated_state AFTER UPDATE ON websub_subscriptions
            BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
        CREATE TRIGGER websub_deleted_state AFTER DELETE ON websub_subscriptions
            BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
        """),

        // 10: /status charts new articles per hour of first sight: an index range, not a scan of every row.
        new("""
        CREATE INDEX articles_first_seen ON articles (first_seen_at);
        """),

        // 11: one poller per feed and per host, across processes. A poller takes a host (owner,
        // owned_until) and the due feeds of that host (lease_owner, leased_until); a poll's stored
        // result ends its feed's lease (leased_until becomes the time it ended), a dead poller's
        // leases expire. A host keeps its politeness between pollers: the earliest the next request
        // may start, and its Retry-After. Taking and renewing leases is not a change /status shows,
        // so the feeds' version trigger now names the columns it does show.
        new(
            """
            ALTER TABLE feeds ADD COLUMN host TEXT;
            ALTER TABLE feeds ADD COLUMN leased_until INTEGER;
            ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
            CREATE INDEX feeds_host ON feeds (host) WHERE origin = 'opml';
            CREATE TABLE hosts (
                host          TEXT PRIMARY KEY,
                owner         TEXT,
                owned_until   INTEGER,
                next_start_at INTEGER,
                held_until    INTEGER
            ) WITHOUT ROWID;
            DROP TRIGGER feeds_updated_state;
            CREATE TRIGGER feeds_updated_state AFTER UPDATE OF
                url, origin, title, site_url, category, interval_seconds, etag, last_modified, status,
                last_http_status, last_error, consecutive_errors, last_polled_at, last_success_at, next_poll_at,
                retry_after_at, body_hash, discovered_url, hint_seconds, last_warning, removed_at, posting_since, posting_entries,
                hub_url, hub_topic, push_until, push_seen_at, push_missed_at ON feeds
                BEGIN UPDATE store_version SET feeds_version = feeds_version + 1; END;
            """,
            HostColumn.FillAsync),

        // 12: the LSH buckets of the newest articles wait in the writer's memory and are merged
        // into story_buckets in key order, thousands at a time (see StoryIndex): every article at
        // or below `through` has its buckets in the table; those above are read back from their
        // fingerprints. Every article stored so far has them.
        new("""
        CREATE TABLE story_buckets_merged (id INTEGER PRIMARY KEY CHECK (id = 1), through INTEGER NOT NULL);
        INSERT INTO story_buckets_merged (id, through) SELECT 1, coalesce(max(id), 0) FROM articles;
        """),

        // 13: each writer holds a filter of the buckets in story_buckets (see StoryIndex); every
        // transaction that adds rows to the table moves `generation`, so that another writer knows
        // its filter no longer covers the table.
        new("ALTER TABLE story_buckets_merged ADD COLUMN generation INTEGER NOT NULL DEFAULT 0"),
    ];
}
