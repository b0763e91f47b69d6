-- UG-14: reminders at a list of moments before an event (24 and 2 hours by
-- default), each sent once per place. The single "hours before" setting
-- becomes the list's first moment; a second one, two hours before, joins it.
-- The list is stored as the settings page writes it, one item per line.
INSERT INTO settings (key, value, updated_at)
    SELECT 'events.reminder_offsets_hours', value || '
2', 0 FROM settings WHERE key = 'events.reminder_hours_before';
INSERT INTO settings (key, value, updated_at)
    SELECT 'events.reminder_offsets_hours', '24
2', 0
    WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'events.reminder_offsets_hours');
DELETE FROM settings WHERE key = 'events.reminder_hours_before';

-- Which of a place's reminders were settled (sent, or no longer needed):
-- one row per moment, claimed by whichever instance inserts it first.
CREATE TABLE reminders_sent (
    registration_id TEXT NOT NULL REFERENCES registrations (id),
    offset_hours    BIGINT NOT NULL,
    settled_at      BIGINT NOT NULL,
    sent            BIGINT NOT NULL,
    PRIMARY KEY (registration_id, offset_hours)
);
