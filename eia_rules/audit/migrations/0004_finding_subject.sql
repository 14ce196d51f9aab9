-- Version 4: what each finding is about (subject_kind 'characteristic', subject 'age') and the
-- duty its rule checks, as columns, so the store can be queried by characteristic or duty
-- without reading messages. Rows written by older versions keep '' until re-audited.
ALTER TABLE findings ADD COLUMN subject_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN duty TEXT NOT NULL DEFAULT '';
