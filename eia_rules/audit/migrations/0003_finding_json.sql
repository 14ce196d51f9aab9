-- Version 3: keep each finding whole (its locations, excerpt, legal basis...) as JSON, so an
-- audit can be exported in the same machine formats as `check` (SARIF, JUnit, GitHub).
-- Rows written by older versions have NULL and are exported from their columns alone.
ALTER TABLE findings ADD COLUMN finding_json TEXT;
