namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>The catalog's tables. Migrations are keyed by SQLite's <c>user_version</c>; append, never edit.</summary>
internal static class CatalogSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            content_type TEXT NOT NULL,
            file_name TEXT NOT NULL,
            source TEXT NOT NULL,
            source_url TEXT,
            author TEXT,
            date TEXT,
            language TEXT NOT NULL,
            page_count INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            tags TEXT NOT NULL,
            collection TEXT,
            visibility TEXT NOT NULL,
            added_by TEXT,
            added_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            warnings TEXT NOT NULL
        );
        CREATE INDEX documents_source_url ON documents(source_url);
        CREATE TABLE versions (
            document_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (document_id, version)
        );
        CREATE INDEX versions_hash ON versions(content_hash);
        CREATE TABLE pages (
            document_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            method TEXT NOT NULL,
            quality REAL,
            verdict TEXT NOT NULL,
            blocks TEXT NOT NULL,
            PRIMARY KEY (document_id, number)
        );
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            content_hash TEXT NOT NULL,
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            source TEXT NOT NULL,
            state TEXT NOT NULL,
            document_id TEXT,
            reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            metadata TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            not_before TEXT
        );
        CREATE INDEX jobs_state ON jobs(state, not_before);
        CREATE INDEX jobs_hash ON jobs(content_hash);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
        // Issue 10: accounts, API tokens (only a hash of each) and the audit trail.
        """
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE api_tokens (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE,
            label TEXT,
            created_at TEXT NOT NULL,
            last_used_at TEXT
        );
        CREATE INDEX api_tokens_user ON api_tokens(user_name);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user_name TEXT,
            action TEXT NOT NULL,
            document_id TEXT,
            address TEXT,
            detail TEXT
        );
        CREATE INDEX audit_at ON audit(at);
        """,
    ];
}
