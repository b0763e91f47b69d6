-- PL-4, UG-15: the emails a member turned off; no row means "send".
CREATE TABLE email_opt_outs (
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    topic      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (member_id, topic)
);

-- Secrets every instance shares and keeps (the unsubscribe links' key),
-- made by the first instance that needs one.
CREATE TABLE server_secrets (
    name   TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);
