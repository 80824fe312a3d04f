-- The registration lifecycle: terms, acceptances, history and the router's reachability. Times are UTC.
-- Nothing in these tables is ever deleted.

-- The Terms of Service as the router published them, one row per version and text.
CREATE TABLE nre_terms (
    version        VARCHAR(64)   NOT NULL,
    digest         VARCHAR(80)   NOT NULL,
    effective_date DATE          NOT NULL,
    body           MEDIUMTEXT    NOT NULL,
    fetched_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_nre_terms PRIMARY KEY (version, digest)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every acceptance of the terms: which version (and the digest of its text), who, when, from where, and
-- when it reached the router (null until it did).
CREATE TABLE nre_terms_acceptance (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    district_id      VARCHAR(64)   NOT NULL,
    terms_version    VARCHAR(64)   NOT NULL,
    terms_digest     VARCHAR(80)   NOT NULL,
    accepted_by_id   VARCHAR(64)   NOT NULL,
    accepted_by_name VARCHAR(200)  NOT NULL,
    accepted_at      DATETIME(6)   NOT NULL,
    remote_address   VARCHAR(64)   NOT NULL,
    idempotency_key  CHAR(36)      NOT NULL,
    sent_at          DATETIME(6),
    CONSTRAINT pk_nre_terms_acceptance PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_nre_terms_acceptance_district ON nre_terms_acceptance (district_id, accepted_at);

-- Who did what, when, from where; and every change of state.
CREATE TABLE nre_history (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    district_id    VARCHAR(64)   NOT NULL,
    at             DATETIME(6)   NOT NULL,
    actor_id       VARCHAR(64)   NOT NULL,
    actor_name     VARCHAR(200)  NOT NULL,
    remote_address VARCHAR(64)   NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    from_state     VARCHAR(16),
    to_state       VARCHAR(16),
    detail         VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_nre_history PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_nre_history_district ON nre_history (district_id, id);

-- Whether the router answers, shared by every console node: one row.
CREATE TABLE nre_router_health (
    slot              INT           NOT NULL,
    last_contact_at   DATETIME(6),
    unreachable_since DATETIME(6),
    last_error        VARCHAR(1000),
    CONSTRAINT pk_nre_router_health PRIMARY KEY (slot),
    CONSTRAINT ck_nre_router_health_slot CHECK (slot = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO nre_router_health (slot) VALUES (1);

-- While a registration request is on its way, the registration is UNKNOWN with sending_until set: nobody
-- settles it before then. An UNKNOWN registration past that time lost its answer and is settled by a look-up.
ALTER TABLE nre_registration ADD COLUMN sending_until DATETIME(6);
