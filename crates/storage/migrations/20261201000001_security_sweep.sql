-- What the black-box security sweep found (issue 14).

-- PL-4, PL-8: an email carrying a one-time link keeps the live text only
-- until it is sent; the stored copy (Messages, the API, exports) shows the
-- link removed. body_secret is the text that goes out, then NULL.
ALTER TABLE outbox ADD COLUMN body_secret TEXT;
-- Copies kept before this change lose their links: those links expire
-- anyway, and nobody must open someone's account from them.
UPDATE outbox SET body_text = 'This email held a one-time link. It was sent by email only and is not kept here.'
    WHERE kind IN ('verify', 'signin-link', 'reset');

-- UG-8: limits per network and reporter address are counted under keyed
-- hashes; the key of each day is forgotten two days later, after which no
-- count can be traced back to an address.
CREATE TABLE hash_keys (
    day    TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);

INSERT INTO settings (key, value, updated_at) VALUES
    ('auth.signups_per_email_per_hour', '3', 0),
    ('auth.signin_failures_per_email_per_hour', '50', 0),
    ('events.checkin_opens_minutes_before', '120', 0),
    ('events.checkin_closes_hours_after', '24', 0),
    ('events.date_window_days', '1825', 0),
    ('expenses.receipts_per_claim', '10', 0),
    ('expenses.receipts_total_kib_per_claim', '20480', 0),
    ('conduct.reports_per_network_per_hour', '10', 0),
    ('conduct.reports_per_address_per_hour', '3', 0);
