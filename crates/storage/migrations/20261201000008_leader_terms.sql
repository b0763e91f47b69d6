-- CH-4: who led which group when. "Events organized" counts the events a
-- member's group held while they led it, not every event of a group they
-- lead today. A term opens when the leader role is granted and closes
-- when it is revoked; today's leaders start from their grant. Like
-- role_grants.scope, group_id names the group without a foreign key.
CREATE TABLE leader_terms (
    member_id  TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at   BIGINT
);
CREATE INDEX leader_terms_member ON leader_terms (member_id, group_id);
INSERT INTO leader_terms (member_id, group_id, started_at)
    SELECT member_id, scope, granted_at FROM role_grants WHERE role = 'group_leader';
