-- PostgreSQL's version of ../V1__create_registration.sql (V1 to V4 here each take the place of the file of the
-- same name there, which stays as MariaDB and H2 ran it): the same tables, keys and indexes, with PostgreSQL's
-- types (TIMESTAMP for DATETIME, TEXT for MEDIUMTEXT, VARCHAR for CHAR, whose padding PostgreSQL would keep,
-- identity columns for AUTO_INCREMENT) and no engine.
--
-- One row per district: the district's registration with the National Records Exchange.
-- Times are UTC. The version column guards every change (optimistic locking), so that two
-- console nodes acting at once cannot both move the same registration.
CREATE TABLE nre_registration (
    district_id            VARCHAR(64)   NOT NULL,
    state                  VARCHAR(16)   NOT NULL,
    state_reason           VARCHAR(1000),
    application_name       VARCHAR(128)  NOT NULL,
    source_address         VARCHAR(64)   NOT NULL,
    registered_by_id       VARCHAR(64)   NOT NULL,
    registered_by_name     VARCHAR(200)  NOT NULL,
    registered_at          TIMESTAMP(6)  NOT NULL,
    terms_version          VARCHAR(64)   NOT NULL,
    router_registration_id VARCHAR(128),
    idempotency_key        VARCHAR(36)   NOT NULL,
    last_router_contact    TIMESTAMP(6),
    version                INT           NOT NULL,
    updated_at             TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_nre_registration PRIMARY KEY (district_id)
);
