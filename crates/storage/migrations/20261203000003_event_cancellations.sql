-- UG-14, PL-13: why an event was cancelled, as its organisers wrote it
-- and everyone registered read it in their email, so the event's page and
-- its API say the same. An event cancelled without a reason has no row.
CREATE TABLE event_cancellations (
    event_id     TEXT PRIMARY KEY REFERENCES events (id),
    reason       TEXT NOT NULL,
    cancelled_by TEXT NOT NULL,
    cancelled_at BIGINT NOT NULL
);
