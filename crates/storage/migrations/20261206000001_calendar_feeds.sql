-- UG-17: a member's private calendar feed. Its address is signed over the
-- member and `version`; making a new address raises the version, so the
-- old one stops working. No row, no feed: erasing the member (PL-8) or
-- turning the feed off deletes it.
CREATE TABLE calendar_feeds (
    member_id  TEXT PRIMARY KEY REFERENCES members (id),
    version    BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
