-- CH-9: the public directory lists active Champions and MVPs who opt in,
-- with where they are and, if they like, a quote about the program.
CREATE TABLE directory_entries (
    member_id  TEXT PRIMARY KEY REFERENCES members (id),
    listed     BIGINT NOT NULL DEFAULT 0,
    region_id  TEXT REFERENCES regions (id),
    country    TEXT NOT NULL DEFAULT '',
    quote      TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);
