-- Issue 18: registration opens and closes at set times, when the
-- organisers say so; without them it opens on publishing and closes at
-- the end (UG-14).
ALTER TABLE events ADD COLUMN registration_opens_at BIGINT;
ALTER TABLE events ADD COLUMN registration_closes_at BIGINT;
