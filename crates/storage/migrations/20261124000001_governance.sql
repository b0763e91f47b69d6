-- Running groups by the guidelines (UG-2, UG-4, UG-6, UG-7, UG-8, UG-10,
-- UG-11, UG-12, UG-13). Portable SQL as in the foundation migration:
-- TEXT UUIDv7 ids, BIGINT UTC microseconds, flags as BIGINT 0/1.

-- UG-7: the shared registry's capacity and accessibility notes.
ALTER TABLE venues ADD COLUMN capacity BIGINT;
ALTER TABLE venues ADD COLUMN accessibility TEXT NOT NULL DEFAULT '';

-- UG-4: "co-leader wanted" shows on the group page. UG-6: review of every
-- event's sessions. UG-10: when the group last became needs-support.
ALTER TABLE groups ADD COLUMN coleader_wanted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE groups ADD COLUMN review_required BIGINT NOT NULL DEFAULT 0;
ALTER TABLE groups ADD COLUMN needs_support_since BIGINT;

-- UG-6: review of this event's sessions before publishing.
ALTER TABLE events ADD COLUMN review_required BIGINT NOT NULL DEFAULT 0;

-- UG-6: each session's review (pending, approved, changes_requested).
ALTER TABLE talks ADD COLUMN review_status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE talks ADD COLUMN review_checklist TEXT NOT NULL DEFAULT '';
ALTER TABLE talks ADD COLUMN review_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE talks ADD COLUMN reviewed_by TEXT;
ALTER TABLE talks ADD COLUMN reviewed_at BIGINT;

INSERT INTO settings (key, value, updated_at) VALUES
    ('leaders.guidelines_version', '1', 0),
    ('expenses.receipt_max_kib', '5120', 0),
    ('conduct.reports_per_group_per_hour', '20', 0);

-- UG-2 / UG-4: applications to lead. group_id is NULL for a new group
-- (proposed_name, proposed_city). nominated_by is set for a co-leader
-- nomination (UG-4); the nominee completes and submits it.
CREATE TABLE leader_applications (
    id                 TEXT PRIMARY KEY,
    member_id          TEXT NOT NULL REFERENCES members (id),
    region_id          TEXT NOT NULL REFERENCES regions (id),
    group_id           TEXT REFERENCES groups (id),
    proposed_name      TEXT NOT NULL DEFAULT '',
    proposed_city      TEXT NOT NULL DEFAULT '',
    years              BIGINT NOT NULL DEFAULT 0,
    certifications     TEXT NOT NULL DEFAULT '',
    projects           TEXT NOT NULL DEFAULT '',
    profile_link       TEXT NOT NULL DEFAULT '',
    guidelines_version TEXT,
    nominated_by       TEXT REFERENCES members (id),
    status             TEXT NOT NULL,
    interview_at       BIGINT,
    notes              TEXT NOT NULL DEFAULT '',
    decision_reason    TEXT NOT NULL DEFAULT '',
    decided_by         TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    submitted_at       BIGINT
);
CREATE INDEX leader_applications_member ON leader_applications (member_id, status);
CREATE INDEX leader_applications_region ON leader_applications (region_id, status);

CREATE TABLE interview_slots (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES leader_applications (id) ON DELETE CASCADE,
    starts_at      BIGINT NOT NULL,
    minutes        BIGINT NOT NULL,
    proposed_by    TEXT NOT NULL,
    chosen         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX interview_slots_application ON interview_slots (application_id, starts_at);

-- UG-8: code-of-conduct reports. reporter_member_id / reporter_email are
-- read only to tell the reporter; they never leave the circle allowed to
-- see the report. concerns_leader narrows that circle.
CREATE TABLE conduct_reports (
    id                 TEXT PRIMARY KEY,
    group_id           TEXT NOT NULL REFERENCES groups (id),
    event_id           TEXT REFERENCES events (id),
    concerns_leader    BIGINT NOT NULL DEFAULT 0,
    description        TEXT NOT NULL,
    reporter_member_id TEXT REFERENCES members (id) ON DELETE SET NULL,
    reporter_email     TEXT,
    status             TEXT NOT NULL DEFAULT 'received',
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    closed_at          BIGINT
);
CREATE INDEX conduct_reports_group ON conduct_reports (group_id, status);

CREATE TABLE conduct_notes (
    id         TEXT PRIMARY KEY,
    report_id  TEXT NOT NULL REFERENCES conduct_reports (id) ON DELETE CASCADE,
    author_id  TEXT REFERENCES members (id) ON DELETE SET NULL,
    status     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX conduct_notes_report ON conduct_notes (report_id, created_at);

-- UG-11: speaker applications; one per member, approved ones form the pool.
CREATE TABLE speakers (
    member_id  TEXT PRIMARY KEY REFERENCES members (id),
    region_id  TEXT NOT NULL REFERENCES regions (id),
    bio        TEXT NOT NULL,
    topics     TEXT NOT NULL,
    past_talks TEXT NOT NULL DEFAULT '[]',
    status     TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    decided_by TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX speakers_status ON speakers (status);

CREATE TABLE speaker_invitations (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id),
    speaker_id TEXT NOT NULL REFERENCES members (id),
    talk_title TEXT NOT NULL,
    message    TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'invited',
    invited_by TEXT NOT NULL,
    talk_id    TEXT,
    created_at BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX speaker_invitations_speaker ON speaker_invitations (speaker_id, status);
CREATE INDEX speaker_invitations_event ON speaker_invitations (event_id);

CREATE TABLE expert_requests (
    id          TEXT PRIMARY KEY,
    group_id    TEXT NOT NULL REFERENCES groups (id),
    event_id    TEXT REFERENCES events (id),
    occasion    TEXT NOT NULL,
    topic       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open',
    answer      TEXT NOT NULL DEFAULT '',
    asked_by    TEXT NOT NULL,
    answered_by TEXT,
    created_at  BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX expert_requests_group ON expert_requests (group_id, status);

-- UG-13: a fee schedule per region, caps in the region's currency's minor
-- units. There is no sponsor or payer column anywhere.
CREATE TABLE fee_schedules (
    region_id   TEXT PRIMARY KEY REFERENCES regions (id),
    venue_cap    BIGINT NOT NULL,
    catering_cap BIGINT NOT NULL,
    other_cap    BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    updated_by   TEXT
);

CREATE TABLE expense_claims (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events (id),
    group_id    TEXT NOT NULL REFERENCES groups (id),
    region_id   TEXT NOT NULL REFERENCES regions (id),
    filed_by    TEXT NOT NULL,
    currency    TEXT NOT NULL,
    venue       BIGINT NOT NULL,
    catering    BIGINT NOT NULL,
    other       BIGINT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'submitted',
    reason      TEXT NOT NULL DEFAULT '',
    decided_by  TEXT,
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT
);
CREATE INDEX expense_claims_event ON expense_claims (event_id, status);
CREATE INDEX expense_claims_region ON expense_claims (region_id, status);

CREATE TABLE claim_receipts (
    id           TEXT PRIMARY KEY,
    claim_id     TEXT NOT NULL REFERENCES expense_claims (id) ON DELETE CASCADE,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   BIGINT NOT NULL,
    stored_as    TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX claim_receipts_claim ON claim_receipts (claim_id);
