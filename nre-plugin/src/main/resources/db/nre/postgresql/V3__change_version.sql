-- PostgreSQL's version of ../V3__change_version.sql (see V1__create_registration.sql here).
--
-- Moves on in the same transaction as every change the plugin stores, so that each console node can tell
-- with one read whether what its registration panel last showed is still current.
CREATE TABLE nre_change (
    slot    INT    NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_nre_change PRIMARY KEY (slot),
    CONSTRAINT ck_nre_change_slot CHECK (slot = 1)
);
INSERT INTO nre_change (slot, version) VALUES (1, 0);
