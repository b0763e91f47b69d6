-- CH-7: the yearly renewal run. One run per program and year (the unique
-- key); a lease says which instance works on it; one decision per
-- membership (the primary key), written with its email in one
-- transaction, so a run resumed after a crash decides and emails each
-- member once.
CREATE TABLE renewal_runs (
    id          TEXT PRIMARY KEY,
    program     TEXT NOT NULL,
    year        BIGINT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'running',
    total       BIGINT NOT NULL DEFAULT 0,
    decided     BIGINT NOT NULL DEFAULT 0,
    claimed_by  TEXT,
    lease_until BIGINT,
    started_by  TEXT,
    created_at  BIGINT NOT NULL,
    finished_at BIGINT,
    CONSTRAINT renewal_runs_once UNIQUE (program, year)
);

CREATE TABLE renewal_decisions (
    run_id        TEXT NOT NULL REFERENCES renewal_runs (id),
    membership_id TEXT NOT NULL REFERENCES memberships (id),
    member_id     TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    decided_by    TEXT,
    decided_at    BIGINT NOT NULL,
    PRIMARY KEY (run_id, membership_id)
);
CREATE INDEX renewal_decisions_outcome ON renewal_decisions (run_id, outcome);
