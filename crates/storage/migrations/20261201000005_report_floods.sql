-- UG-8: a report filed past the per-group flood limit is kept and held
-- for the circle's review instead of refused, so a flood cannot silence
-- a group; the reporter's language, to tell them in it when it closes.
ALTER TABLE conduct_reports ADD COLUMN held BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conduct_reports ADD COLUMN reporter_locale TEXT NOT NULL DEFAULT 'en';
