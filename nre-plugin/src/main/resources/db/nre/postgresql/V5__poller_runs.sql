-- The status poller runs on one console node at a time, whichever the cluster-wide scheduler picks: when it last
-- ran and last succeeded is kept here, so that every node's health check reports the same.
CREATE TABLE nre_poller (
    slot            INT          NOT NULL,
    last_run_at     TIMESTAMP(6),
    last_outcome    VARCHAR(16),
    last_success_at TIMESTAMP(6),
    CONSTRAINT pk_nre_poller PRIMARY KEY (slot),
    CONSTRAINT ck_nre_poller_slot CHECK (slot = 1)
);
INSERT INTO nre_poller (slot) VALUES (1);
