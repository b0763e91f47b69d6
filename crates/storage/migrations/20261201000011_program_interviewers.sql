-- CH-6: program staff may name a community manager to interview an
-- applicant; that manager proposes the times and records the interview.
-- No foreign key, as for other actors' ids: erasure clears it instead.
ALTER TABLE program_applications ADD COLUMN interviewer_id TEXT;
CREATE INDEX program_applications_interviewer ON program_applications (interviewer_id);
