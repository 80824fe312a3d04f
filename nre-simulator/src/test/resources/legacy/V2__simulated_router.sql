-- A fixture: the tables an earlier sample console made for its built-in simulated router (its own migration
-- V2__simulated_router), which the plugin's V1 must adopt with their rows.

CREATE TABLE sim_terms (
    version        VARCHAR(64)   NOT NULL,
    effective_date DATE          NOT NULL,
    body           MEDIUMTEXT    NOT NULL,
    published_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_sim_terms PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE sim_registration (
    id               VARCHAR(40)   NOT NULL,
    district_id      VARCHAR(64)   NOT NULL,
    district_name    VARCHAR(200)  NOT NULL,
    state_code       VARCHAR(2)    NOT NULL,
    application_name VARCHAR(128)  NOT NULL,
    source_address   VARCHAR(64)   NOT NULL,
    registered_by    VARCHAR(200)  NOT NULL,
    terms_version    VARCHAR(64)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    reason           VARCHAR(1000),
    cities           VARCHAR(4000) NOT NULL,
    postal_codes     VARCHAR(4000) NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    -- The console's own reference for each registration (to settle a lost answer by) and who registered it.
    client_reference VARCHAR(64),
    registered_by_id VARCHAR(64),
    CONSTRAINT pk_sim_registration PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_sim_registration_district ON sim_registration (district_id, created_at);
CREATE INDEX ix_sim_registration_reference ON sim_registration (district_id, client_reference);

-- The first answer to each Idempotency-Key, so that a repeated request creates nothing new.
CREATE TABLE sim_idempotency (
    idempotency_key VARCHAR(64)   NOT NULL,
    body_digest     CHAR(64)      NOT NULL,
    status          INT           NOT NULL,
    registration_id VARCHAR(40)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_sim_idempotency PRIMARY KEY (idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE sim_acceptance (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    registration_id VARCHAR(40)   NOT NULL,
    version         VARCHAR(64)   NOT NULL,
    accepted_by     VARCHAR(200)  NOT NULL,
    accepted_at     VARCHAR(40)   NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_sim_acceptance PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
