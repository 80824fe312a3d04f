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
    registered_at          DATETIME(6)   NOT NULL,
    terms_version          VARCHAR(64)   NOT NULL,
    router_registration_id VARCHAR(128),
    idempotency_key        CHAR(36)      NOT NULL,
    last_router_contact    DATETIME(6),
    version                INT           NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    CONSTRAINT pk_nre_registration PRIMARY KEY (district_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
