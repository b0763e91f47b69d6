-- UG-16: a recurring meetup. The rule is kept as the leader wrote it
-- (`rule`, the form's fields as JSON) and as calendars read it (`rrule`);
-- each date it made is an event of its own, with `series_id` set.
CREATE TABLE series (
    id           TEXT PRIMARY KEY,
    group_id     TEXT NOT NULL REFERENCES groups (id),
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    rule         TEXT NOT NULL,
    rrule        TEXT NOT NULL,
    capacity     BIGINT NOT NULL,
    venue_id     TEXT REFERENCES venues (id),
    online_link  TEXT,
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX series_group ON series (group_id);

ALTER TABLE events ADD COLUMN series_id TEXT REFERENCES series (id);
CREATE INDEX events_series ON events (series_id);

-- A member registered for the whole series: each future date gives them
-- a place or a waiting position, dates added later included. Leaving one
-- date keeps this row; leaving the series sets left_at.
CREATE TABLE series_members (
    series_id  TEXT NOT NULL REFERENCES series (id),
    member_id  TEXT NOT NULL REFERENCES members (id),
    joined_at  BIGINT NOT NULL,
    left_at    BIGINT,
    PRIMARY KEY (series_id, member_id)
);
CREATE INDEX series_members_member ON series_members (member_id);
