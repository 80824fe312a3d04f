ALTER TABLE conformance_probe_observation ADD COLUMN recorded_at BIGINT;
