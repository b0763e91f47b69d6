-- UG-14: a published event completes by itself this long after its end,
-- inside the door window, so leaders can still fix the check-ins.
INSERT INTO settings (key, value, updated_at) VALUES ('events.complete_hours_after_end', '12', 0);

-- UG-17: the calendar SEQUENCE of an event, raised when its time, place or
-- online link changes after publishing.
ALTER TABLE events ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;

-- UG-17: an email may carry a calendar invitation (iTIP, RFC 5546).
ALTER TABLE outbox ADD COLUMN calendar TEXT;
CREATE INDEX events_status_end ON events (status, ends_at);
