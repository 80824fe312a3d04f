-- PostgreSQL's version of ../V4__registrations_kept.sql (see V1__create_registration.sql here).
--
-- A district may register again after a rejection or its withdrawal: every registration it sent, or tried to
-- send, is now a row of its own, and none is ever deleted. At most one of a district's registrations is live
-- (being sent, or PENDING, ACTIVE or SUSPENDED at the router): live_district holds the district's id only then,
-- and its unique index lets the database refuse a second one, whichever console node asks.
ALTER TABLE nre_registration RENAME TO nre_registration_v3;

CREATE TABLE nre_registration (
    id                     VARCHAR(36)   NOT NULL,
    district_id            VARCHAR(64)   NOT NULL,
    seq                    INT           NOT NULL,
    live_district          VARCHAR(64),
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
    sending_until          TIMESTAMP(6),
    last_router_contact    TIMESTAMP(6),
    locality_sent          VARCHAR(8000),
    locality_sent_at       TIMESTAMP(6),
    version                INT           NOT NULL,
    updated_at             TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_nre_registration_id PRIMARY KEY (id),
    CONSTRAINT uq_nre_registration_seq UNIQUE (district_id, seq),
    CONSTRAINT uq_nre_registration_live UNIQUE (live_district)
);

-- The registration kept from before: its idempotency key was unique to it, so it becomes its id.
INSERT INTO nre_registration (id, district_id, seq, live_district, state, state_reason, application_name,
       source_address, registered_by_id, registered_by_name, registered_at, terms_version, router_registration_id,
       idempotency_key, sending_until, last_router_contact, locality_sent, locality_sent_at, version, updated_at)
SELECT idempotency_key, district_id, 1,
       CASE WHEN state IN ('UNKNOWN', 'PENDING', 'ACTIVE', 'SUSPENDED') THEN district_id END,
       state, state_reason, application_name, source_address, registered_by_id, registered_by_name, registered_at,
       terms_version, router_registration_id, idempotency_key, sending_until, last_router_contact, NULL, NULL,
       version, updated_at
  FROM nre_registration_v3;

DROP TABLE nre_registration_v3;

-- Which registration a history line or an acceptance belongs to, what the line claims of the request it speaks
-- of (NOT_SENT: no byte of it left the console; NOT_TAKEN: the router holds nothing from it; RECEIVED: the router
-- answered it; UNCERTAIN: it may have reached the router), and that request's idempotency key, so that every
-- claim can be checked against what the router received.
ALTER TABLE nre_history ADD COLUMN registration_id VARCHAR(36);
ALTER TABLE nre_history ADD COLUMN delivery VARCHAR(16);
ALTER TABLE nre_history ADD COLUMN request_key VARCHAR(36);
UPDATE nre_history SET registration_id =
       (SELECT r.id FROM nre_registration r WHERE r.district_id = nre_history.district_id);

-- An acceptance belongs to the registration it was made for; one the router refused keeps its reason (and is
-- not sent again).
ALTER TABLE nre_terms_acceptance ADD COLUMN registration_id VARCHAR(36);
ALTER TABLE nre_terms_acceptance ADD COLUMN refused_reason VARCHAR(1000);
UPDATE nre_terms_acceptance SET registration_id =
       (SELECT r.id FROM nre_registration r WHERE r.district_id = nre_terms_acceptance.district_id);
CREATE INDEX ix_nre_terms_acceptance_registration ON nre_terms_acceptance (registration_id, sent_at);
