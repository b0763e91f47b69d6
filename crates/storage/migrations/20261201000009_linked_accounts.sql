-- PL-3: the forum accounts and feeds members link to their profile. An
-- import reads only a proven link (proof: the code found where only the
-- member can write, or a staff confirmation). One account is proven by at
-- most one member; several may be waiting on it (only its owner can place
-- the code).
CREATE TABLE linked_accounts (
    id         TEXT PRIMARY KEY,
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    handle     TEXT NOT NULL,
    code       TEXT NOT NULL,
    proof      TEXT,
    proven_at  BIGINT,
    proven_by  TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (member_id, kind, handle)
);
CREATE UNIQUE INDEX linked_accounts_one_owner ON linked_accounts (kind, handle) WHERE proven_at IS NOT NULL;
