-- Audit store, version 2: what each run found, kept per run so two runs can be compared.
-- The documents table holds only the latest audit of each path; these snapshots keep, for
-- every run, each document it found (audited or skipped as unchanged) and a count of its
-- findings by rule, so a report can say what improved since an earlier run.

CREATE TABLE run_documents (
    run_id          INTEGER NOT NULL REFERENCES runs(id),
    path            TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    status          TEXT NOT NULL,
    directorate     TEXT NOT NULL DEFAULT '',
    service         TEXT NOT NULL DEFAULT '',
    doc_date        TEXT,
    PRIMARY KEY (run_id, path)
);

CREATE TABLE run_findings (
    run_id          INTEGER NOT NULL REFERENCES runs(id),
    path            TEXT NOT NULL,
    rule_id         TEXT NOT NULL,
    family          TEXT NOT NULL,
    severity        TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    suppressed      INTEGER NOT NULL DEFAULT 0,
    count           INTEGER NOT NULL
);
CREATE INDEX run_findings_run ON run_findings(run_id, path);

-- Stores made before version 2: the last run that saw each document gets its snapshot.
INSERT INTO run_documents (run_id, path, sha256, status, directorate, service, doc_date)
    SELECT seen_run_id, path, sha256, status, directorate, service, doc_date FROM documents;
INSERT INTO run_findings (run_id, path, rule_id, family, severity, outcome, suppressed, count)
    SELECT d.seen_run_id, d.path, f.rule_id, f.family, f.severity, f.outcome, f.suppressed, COUNT(*)
    FROM findings f JOIN documents d ON d.id = f.document_id
    GROUP BY d.seen_run_id, d.path, f.rule_id, f.family, f.severity, f.outcome, f.suppressed;
