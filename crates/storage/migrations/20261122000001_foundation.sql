-- Foundation: accounts, roles, sessions, links, API tokens, regions,
-- settings, audit log, email outbox, rate limits.
--
-- This file runs unchanged on SQLite and PostgreSQL, so it sticks to the
-- types both share: ids are UUIDv7 text made by the application, times are
-- BIGINT microseconds since the Unix epoch in UTC (PL-9), flags BOOLEAN.

CREATE TABLE members (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL,
    name              TEXT NOT NULL,
    password_hash     TEXT,
    email_verified_at BIGINT,
    locale            TEXT NOT NULL DEFAULT 'en',
    time_zone         TEXT NOT NULL DEFAULT 'UTC',
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    CONSTRAINT members_email_key UNIQUE (email)
);

-- Roles beyond "member". scope is the group or region id, '' for global
-- roles, so the primary key forbids granting one role twice.
CREATE TABLE role_grants (
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    scope      TEXT NOT NULL DEFAULT '',
    granted_at BIGINT NOT NULL,
    granted_by TEXT,
    PRIMARY KEY (member_id, role, scope)
);
CREATE INDEX role_grants_scope ON role_grants (role, scope);

-- Browser sessions, kept here so any instance serves any request. Only
-- the SHA-256 of the cookie's token is stored.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    member_id    TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_member ON sessions (member_id);

-- Emailed one-time links: verification, sign-in, password reset.
CREATE TABLE one_time_links (
    token_hash TEXT PRIMARY KEY,
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX one_time_links_member ON one_time_links (member_id, purpose);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    member_id    TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX api_tokens_member ON api_tokens (member_id);

CREATE TABLE regions (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    currency   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT regions_name_key UNIQUE (name)
);

-- Settings data: the numbers and lists of SPEC rules (values as text,
-- parsed and bounded by the domain's settings module).
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT
);

INSERT INTO settings (key, value, updated_at) VALUES
    ('auth.signin_attempts_per_email_per_minute', '5', 0),
    ('auth.signin_attempts_per_ip_per_minute', '30', 0),
    ('auth.signups_per_ip_per_hour', '20', 0),
    ('auth.link_requests_per_email_per_hour', '5', 0),
    ('auth.link_requests_per_ip_per_hour', '30', 0),
    ('auth.session_days', '30', 0),
    ('auth.verify_link_hours', '48', 0),
    ('auth.signin_link_minutes', '15', 0),
    ('auth.reset_link_minutes', '60', 0),
    ('mail.max_attempts', '8', 0),
    ('mail.retry_base_seconds', '30', 0),
    ('events.reminder_hours_before', '24', 0),
    ('events.ticketing_hosts', 'eventbrite.com
meetup.com
lu.ma
ti.to
tickettailor.com
universe.com
eventzilla.net
sympla.com.br
ticketmaster.com
allevents.in
splashthat.com
hopin.com', 0),
    ('groups.min_events_per_year', '4', 0),
    ('groups.inactive_after_months', '3', 0);

-- PL-7: who did what, when and why. actor_id is NULL for the system.
CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor_id    TEXT,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    reason      TEXT,
    details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);

-- PL-4: every email, written in the same transaction as its cause.
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    recipient_id    TEXT REFERENCES members (id) ON DELETE SET NULL,
    to_address      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued',
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    claimed_by      TEXT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox (recipient_id, created_at);

CREATE TABLE rate_limits (
    key          TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
