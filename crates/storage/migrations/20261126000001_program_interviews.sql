-- CH-6: a community manager proposes interview times for a program
-- application; the applicant picks one (same shape as UG-2's slots).
ALTER TABLE program_applications ADD COLUMN interview_at BIGINT;

CREATE TABLE program_interview_slots (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES program_applications (id) ON DELETE CASCADE,
    starts_at      BIGINT NOT NULL,
    minutes        BIGINT NOT NULL,
    proposed_by    TEXT NOT NULL,
    chosen         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX program_interview_slots_application ON program_interview_slots (application_id, starts_at);
