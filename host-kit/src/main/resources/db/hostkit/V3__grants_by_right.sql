-- A right's page lists its grants and holders: read them by the right instead of scanning every grant.
CREATE INDEX ix_host_grant_right ON host_grant (right_id, subject_type, subject_id);
