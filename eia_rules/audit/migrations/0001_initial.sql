-- Audit store, version 1: runs, the documents they audited, and what was found in each.
-- A document row is the latest audit of one path; re-auditing a path replaces its row, and
-- its record, findings and failure go with it (ON DELETE CASCADE).

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    started         TEXT NOT NULL,
    finished        TEXT,
    status          TEXT NOT NULL DEFAULT 'running',   -- running, finished, interrupted
    rules_version   TEXT NOT NULL,
    config_summary  TEXT NOT NULL DEFAULT '{}',        -- JSON
    argv            TEXT NOT NULL DEFAULT '[]',        -- JSON
    engine          TEXT NOT NULL DEFAULT 'local',
    jobs            INTEGER
);

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL UNIQUE,
    sha256          TEXT NOT NULL,
    size            INTEGER NOT NULL,
    format          TEXT NOT NULL DEFAULT '',
    directorate     TEXT NOT NULL DEFAULT '',
    service         TEXT NOT NULL DEFAULT '',
    doc_date        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    seconds         REAL,
    rules_version   TEXT NOT NULL,
    config_key      TEXT NOT NULL DEFAULT '',
    run_id          INTEGER NOT NULL REFERENCES runs(id),   -- the run that audited it
    seen_run_id     INTEGER NOT NULL REFERENCES runs(id)    -- the last run that found it (audited or skipped)
);
CREATE INDEX documents_run ON documents(run_id);
CREATE INDEX documents_seen ON documents(seen_run_id);

CREATE TABLE records (
    document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record_json     TEXT NOT NULL
);

CREATE TABLE findings (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rule_id         TEXT NOT NULL,
    family          TEXT NOT NULL,
    severity        TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    suppressed      INTEGER NOT NULL DEFAULT 0,
    message         TEXT NOT NULL,
    location        TEXT NOT NULL DEFAULT '',
    section         TEXT NOT NULL DEFAULT '',
    fingerprint     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX findings_document ON findings(document_id);
CREATE INDEX findings_rule ON findings(rule_id);

CREATE TABLE failures (
    document_id     INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,   -- input, error, crash, timeout
    reason          TEXT NOT NULL
);
