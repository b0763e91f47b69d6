-- CH-1, CH-2: each program's traits as data an admin edits, seeded with
-- the SPEC's defaults (the MVP seat cap is the existing mvp.seat_cap).
INSERT INTO settings (key, value, updated_at) VALUES
    ('champions.seat_cap', '0', 0),
    ('ambassadors.seat_cap', '0', 0),
    ('champions.nda_required', '0', 0),
    ('mvp.nda_required', '1', 0),
    ('ambassadors.nda_required', '0', 0),
    ('champions.moderator_rights', '0', 0),
    ('mvp.moderator_rights', '1', 0),
    ('ambassadors.moderator_rights', '0', 0),
    ('champions.exclusive_with', 'mvp', 0),
    ('mvp.exclusive_with', 'champions', 0),
    ('ambassadors.exclusive_with', '', 0);
