-- Version 5: files an audit found that are not impact assessments (README files, guidance,
-- blank templates, minutes), with the reason, per run. They are kept out of `documents`, so
-- the report never counts them; a later run tests them again (the test is cheap).
CREATE TABLE skipped (
    run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path    TEXT NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);
