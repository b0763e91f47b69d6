-- UG-14: someone let in at the door without an account, by name (and an
-- email if they gave one). A walk-in takes a seat and counts as attended.
-- name and email become NULL when an account with that email is erased.
CREATE TABLE walk_ins (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id),
    name       TEXT,
    email      TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX walk_ins_event ON walk_ins (event_id, created_at);
CREATE INDEX walk_ins_email ON walk_ins (email);

-- UG-10, UG-14: who came to an event, the one definition every count of
-- attendance reads (held events, group health, evidence, claims, the door).
CREATE VIEW attendance AS
    SELECT event_id, id FROM registrations WHERE status = 'confirmed' AND checked_in_at IS NOT NULL
    UNION ALL
    SELECT event_id, id FROM walk_ins;
