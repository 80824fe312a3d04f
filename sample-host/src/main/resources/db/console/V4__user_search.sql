-- Finding staff by name at district scale: one lower-case text of each user's names and login that a search reads
-- instead of lower-casing three columns per row, and an index in the order lists are shown in.
ALTER TABLE host_user ADD COLUMN search_text VARCHAR(300) NOT NULL DEFAULT '';
UPDATE host_user SET search_text = LOWER(CONCAT(CONCAT(CONCAT(CONCAT(first_name, ' '), last_name), ' '), login));
CREATE INDEX ix_host_user_name ON host_user (last_name, first_name, login);
