-- Pickers find people by name (issue 17 item 6) without regard to case or
-- accents: "joao" finds "João". Neither database folds accents the same
-- way, so the folded name is kept beside the name, written by the code
-- that writes the name; `Db::connect` fills it for rows made before this.
ALTER TABLE members ADD COLUMN search_name TEXT NOT NULL DEFAULT '';
CREATE INDEX members_search_name ON members (search_name);
