-- CH-7: how many months of activity the yearly renewal looks back on.
INSERT INTO settings (key, value, updated_at) VALUES ('champions.renewal_look_back_months', '12', 0);
