-- The simulated router follows the contract's registering again: each registration keeps the console's own
-- reference for it (to settle a lost answer by) and who registered it, by id and name.
ALTER TABLE sim_registration ADD COLUMN client_reference VARCHAR(64);
ALTER TABLE sim_registration ADD COLUMN registered_by_id VARCHAR(64);
CREATE INDEX ix_sim_registration_reference ON sim_registration (district_id, client_reference);
