-- CH-1: staff record the day the MVP applicant signed the NDA on the
-- application; acceptance starts the award with it.
ALTER TABLE program_applications ADD COLUMN nda_signed_on TEXT;

-- CH-5: Ambassadors are screened against their own minimum, never the
-- Champions' focus areas.
INSERT INTO settings (key, value, updated_at) VALUES ('ambassadors.min_contributions_per_year', '2', 0);
