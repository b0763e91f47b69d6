-- CH-1: staff record the day the MVP applicant signed the NDA on the
-- application; acceptance starts the award with it.
ALTER TABLE program_applications ADD COLUMN nda_signed_on TEXT;

-- CH-5: Ambassadors are screened against their own minimum, never the
-- Champions' focus areas.
INSERT INTO settings (key, value, updated_at) VALUES ('ambassadors.min_contributions_per_year', '2', 0);

-- PL-2, CH-4: staff verify or reject each contribution; a rejection keeps
-- its reason for the member to read.
ALTER TABLE contributions ADD COLUMN verification_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE contributions ADD COLUMN verified_by TEXT;
ALTER TABLE contributions ADD COLUMN verified_at BIGINT;

-- PL-12: a receipt's bytes live in the database, where every instance and
-- every backup has them. Rows from before keep stored_as (a file in the
-- upload folder) until `serve` moves the file in.
ALTER TABLE claim_receipts ADD COLUMN content BYTEA;

-- CH-8: a pool is for one program's active members (NULL: any program's)
-- and claimable until its last valid day (NULL: no end).
ALTER TABLE benefits ADD COLUMN program TEXT;
ALTER TABLE benefits ADD COLUMN valid_until TEXT;
