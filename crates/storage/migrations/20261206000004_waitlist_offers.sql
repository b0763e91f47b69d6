-- UG-18: waiting-list offers. Each event (and each series, for its dates)
-- fills a freed seat automatically or by an offer; an offered registration
-- holds its seat until `offer_expires_at`, when the job passes it on.
ALTER TABLE events ADD COLUMN waitlist_mode TEXT NOT NULL DEFAULT 'automatic';
ALTER TABLE series ADD COLUMN waitlist_mode TEXT NOT NULL DEFAULT 'automatic';
ALTER TABLE registrations ADD COLUMN offer_expires_at BIGINT;
CREATE INDEX registrations_open_offers ON registrations (status, offer_expires_at);

INSERT INTO settings (key, value, updated_at) VALUES
    ('events.offer_longest_hours', '24', 0),
    ('events.offer_shortest_minutes', '30', 0);
