-- A refused form's entered values and field errors, kept with the session's message for the page the browser is
-- sent to (post/redirect/get): a JSON object, never a password. V2 is the version the simulated router's tables
-- once had in this history, so the console's next migration is V3.
ALTER TABLE host_session ADD COLUMN flash_form TEXT;
