-- PL-3: imports that read a remote source (a Discourse forum) run in the
-- background; each run records how far it got so its page shows progress.
INSERT INTO settings (key, value, updated_at) VALUES ('imports.forum_url', '', 0);
-- CH-7: the yearly renewal runs by itself from December 1st.
INSERT INTO settings (key, value, updated_at) VALUES ('champions.renewal_month', '12', 0), ('champions.renewal_day', '1', 0);
-- CH-7: MVPs' yearly metric; SPEC.md gives no number, so none is set and
-- staff evaluate every MVP until an admin sets one.
INSERT INTO settings (key, value, updated_at) VALUES ('mvp.min_contributions_per_year', '0', 0);

CREATE TABLE import_runs (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    member_id     TEXT NOT NULL REFERENCES members (id),
    started_by    TEXT NOT NULL REFERENCES members (id),
    source        TEXT NOT NULL,
    status        TEXT NOT NULL,
    fetched       BIGINT NOT NULL DEFAULT 0,
    added         BIGINT NOT NULL DEFAULT 0,
    already_there BIGINT NOT NULL DEFAULT 0,
    problem       TEXT NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX import_runs_member ON import_runs (member_id, created_at);
