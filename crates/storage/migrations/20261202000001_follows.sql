-- UG-15: members follow groups; publishing an event tells the followers
-- once (events.announced_at is set by the one transaction that did).
CREATE TABLE group_follows (
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (member_id, group_id)
);
CREATE INDEX group_follows_group ON group_follows (group_id);
ALTER TABLE events ADD COLUMN announced_at BIGINT;

-- The one-click unsubscribe an email carries when it is not a topic's
-- (a follower's "stop following this group"), signed when queued.
ALTER TABLE outbox ADD COLUMN unsubscribe_path TEXT;

-- UG-15: what the community team sent to a region's leaders or to a
-- program's members, and to how many.
CREATE TABLE announcements (
    id           TEXT PRIMARY KEY,
    author_id    TEXT,
    audience     TEXT NOT NULL,
    audience_ref TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    recipients   BIGINT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX announcements_created ON announcements (created_at);
