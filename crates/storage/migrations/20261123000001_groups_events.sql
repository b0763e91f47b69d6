-- Groups, venues, events, talks, registrations (UG-1, UG-7, UG-14).
-- Portable SQL as in the foundation migration. Leaders are role_grants
-- rows (role 'group_leader', scope = group id). Nothing here stores a
-- price (UG-9) or an employer (UG-3).

CREATE TABLE venues (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    address    TEXT NOT NULL,
    city       TEXT NOT NULL,
    country    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    created_by TEXT REFERENCES members (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE groups (
    id          TEXT PRIMARY KEY,
    region_id   TEXT NOT NULL REFERENCES regions (id),
    slug        TEXT NOT NULL,
    name        TEXT NOT NULL,
    city        TEXT NOT NULL,
    country     TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    description TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    CONSTRAINT groups_slug_key UNIQUE (slug)
);
CREATE INDEX groups_region ON groups (region_id);
CREATE INDEX groups_country ON groups (country);

-- lock_version is bumped by the registration transaction before it counts
-- seats: the UPDATE takes PostgreSQL's row lock and SQLite's write lock,
-- so two registrations for one event never count at the same time.
CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    group_id        TEXT NOT NULL REFERENCES groups (id),
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    starts_at       BIGINT NOT NULL,
    ends_at         BIGINT NOT NULL,
    capacity        BIGINT NOT NULL,
    venue_id        TEXT REFERENCES venues (id),
    online_link     TEXT,
    promotion_links TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'draft',
    lock_version    BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    published_at    BIGINT,
    closed_at       BIGINT
);
CREATE INDEX events_group_start ON events (group_id, starts_at);
CREATE INDEX events_status_start ON events (status, starts_at);

CREATE TABLE talks (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    title      TEXT NOT NULL,
    abstract   TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX talks_event ON talks (event_id, position);

-- A speaker is a member or a named guest.
CREATE TABLE talk_speakers (
    talk_id    TEXT NOT NULL REFERENCES talks (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    member_id  TEXT REFERENCES members (id) ON DELETE SET NULL,
    guest_name TEXT,
    PRIMARY KEY (talk_id, position)
);

-- One row per member and event (the unique key is "nobody registered
-- twice"); a cancelled row comes back to life on re-registration.
-- queue_seq orders the waiting list; positions are ranks among those
-- still waiting, so they have no gaps.
CREATE TABLE registrations (
    id            TEXT PRIMARY KEY,
    event_id      TEXT NOT NULL REFERENCES events (id),
    member_id     TEXT NOT NULL REFERENCES members (id),
    status        TEXT NOT NULL,
    queue_seq     BIGINT NOT NULL,
    ticket_code   TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    checked_in_at BIGINT,
    checked_in_by TEXT,
    reminded_at   BIGINT,
    CONSTRAINT registrations_event_member_key UNIQUE (event_id, member_id),
    CONSTRAINT registrations_ticket_key UNIQUE (event_id, ticket_code)
);
CREATE INDEX registrations_event_status ON registrations (event_id, status, queue_seq);
CREATE INDEX registrations_member ON registrations (member_id);
