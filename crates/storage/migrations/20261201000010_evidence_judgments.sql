-- CH-5: the reviewer judges each piece of an application's evidence
-- against the rubric: which points it meets. Screening's quality comes
-- from these judgments (enough pieces meeting every point), not from one
-- box per application.
CREATE TABLE evidence_judgments (
    application_id  TEXT NOT NULL REFERENCES program_applications (id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL,
    points          TEXT NOT NULL,
    judged_by       TEXT NOT NULL,
    judged_at       BIGINT NOT NULL,
    PRIMARY KEY (application_id, contribution_id)
);
