-- UG-14: after the event, each talk's slides and recording, shown on the
-- event page and emailed to everyone who came; `materials_sent_at` is when
-- that email last went out.
ALTER TABLE talks ADD COLUMN slides_url TEXT;
ALTER TABLE talks ADD COLUMN recording_url TEXT;
ALTER TABLE events ADD COLUMN materials_sent_at BIGINT;
