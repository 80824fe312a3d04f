-- Sign-in throttling by (user name, address) and by address, with a delay that grows with every failure instead
-- of a lock on the account: when the last attempt counted was made, so that quiet keys are forgotten.
ALTER TABLE host_signin_failure ADD COLUMN last_at DATETIME(6);
