-- The Champions program and its siblings (CH-1 to CH-9, PL-2): the
-- numbers of CH-4, contributions, memberships, applications, benefits.
-- Portable SQL as in the foundation migration.

INSERT INTO settings (key, value, updated_at) VALUES
    ('champions.forums_min_solutions', '5', 0),
    ('champions.forge_min_components', '2', 0),
    ('champions.forge_min_rating_tenths', '40', 0),
    ('champions.forge_supported_versions', 'O11', 0),
    ('champions.events_min_organized', '2', 0),
    ('champions.speaking_min_sessions', '1', 0),
    ('champions.content_min_pieces', '2', 0),
    ('champions.mentoring_min_testimonials', '1', 0),
    ('champions.window_months', '12', 0),
    ('mvp.seat_cap', '150', 0);

-- PL-2. details is the kind's JSON; source_key makes imports idempotent
-- (the same forum answer or feed entry twice is one row).
CREATE TABLE contributions (
    id           TEXT PRIMARY KEY,
    member_id    TEXT NOT NULL REFERENCES members (id),
    kind         TEXT NOT NULL,
    details      TEXT NOT NULL,
    happened_on  TEXT NOT NULL,
    link         TEXT,
    title        TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL,
    source_key   TEXT NOT NULL,
    verification TEXT NOT NULL DEFAULT 'unverified',
    created_by   TEXT,
    created_at   BIGINT NOT NULL,
    CONSTRAINT contributions_source_key UNIQUE (member_id, source, source_key)
);
CREATE INDEX contributions_member ON contributions (member_id, kind, happened_on);

-- CH-1, CH-2: ends_on is the last day; NULL while open-ended.
CREATE TABLE memberships (
    id            TEXT PRIMARY KEY,
    member_id     TEXT NOT NULL REFERENCES members (id),
    program       TEXT NOT NULL,
    focus_area    TEXT,
    interests     TEXT NOT NULL DEFAULT '',
    starts_on     TEXT NOT NULL,
    ends_on       TEXT,
    nda_signed_on TEXT,
    end_reason    TEXT NOT NULL DEFAULT '',
    granted_by    TEXT,
    created_at    BIGINT NOT NULL
);
CREATE INDEX memberships_member ON memberships (member_id, program);
CREATE INDEX memberships_program ON memberships (program, ends_on);

-- CH-6. screening holds the engine's result and the reviewer's judgment.
CREATE TABLE program_applications (
    id              TEXT PRIMARY KEY,
    member_id       TEXT NOT NULL REFERENCES members (id),
    program         TEXT NOT NULL,
    focus_area      TEXT,
    interests       TEXT NOT NULL DEFAULT '',
    stage           TEXT NOT NULL,
    screening       TEXT NOT NULL DEFAULT '',
    quality_notes   TEXT NOT NULL DEFAULT '',
    interview_notes TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX program_applications_member ON program_applications (member_id, program, stage);
CREATE INDEX program_applications_stage ON program_applications (program, stage);

-- CH-8: pools of codes. claim_year with claimed_by makes "one per benefit
-- per member per year" a constraint; unclaimed rows have NULLs.
CREATE TABLE benefits (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE benefit_codes (
    id         TEXT PRIMARY KEY,
    benefit_id TEXT NOT NULL REFERENCES benefits (id),
    code       TEXT NOT NULL,
    claimed_by TEXT REFERENCES members (id),
    claim_year BIGINT,
    claimed_at BIGINT,
    CONSTRAINT benefit_codes_code UNIQUE (benefit_id, code),
    CONSTRAINT benefit_codes_once_a_year UNIQUE (benefit_id, claimed_by, claim_year)
);
CREATE INDEX benefit_codes_free ON benefit_codes (benefit_id, claimed_by);
