-- The console's own tables. Times are UTC. Every table has a primary key (Galera needs one).

CREATE TABLE host_user (
    id                   VARCHAR(64)   NOT NULL,
    login                VARCHAR(64)   NOT NULL,
    first_name           VARCHAR(100)  NOT NULL,
    last_name            VARCHAR(100)  NOT NULL,
    password_hash        VARCHAR(255)  NOT NULL,
    administrator        BOOLEAN       NOT NULL,
    must_change_password BOOLEAN       NOT NULL,
    disabled             BOOLEAN       NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_user PRIMARY KEY (id),
    CONSTRAINT uq_host_user_login UNIQUE (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Sessions live in the database so that any console node can serve them. Only a hash of the
-- session token is stored, so a copy of the table cannot be used to sign in.
CREATE TABLE host_session (
    token_hash     CHAR(64)      NOT NULL,
    user_id        VARCHAR(64)   NOT NULL,
    csrf_token     VARCHAR(64)   NOT NULL,
    remote_address VARCHAR(64)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    last_seen_at   DATETIME(6)   NOT NULL,
    flash_tone     VARCHAR(16),
    flash_text     VARCHAR(2000),
    CONSTRAINT pk_host_session PRIMARY KEY (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_host_session_user ON host_session (user_id);

CREATE TABLE host_audit (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    at             DATETIME(6)   NOT NULL,
    source         VARCHAR(64)   NOT NULL,
    actor_id       VARCHAR(64)   NOT NULL,
    actor_name     VARCHAR(200)  NOT NULL,
    remote_address VARCHAR(64)   NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    detail         VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_host_audit PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_host_audit_at ON host_audit (at);

-- The one district this console serves.
CREATE TABLE host_district (
    slot        INT           NOT NULL,
    district_id VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    state       CHAR(2)       NOT NULL,
    CONSTRAINT pk_host_district PRIMARY KEY (slot),
    CONSTRAINT ck_host_district_slot CHECK (slot = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- How many students of each school have their census address in each city and ZIP code.
CREATE TABLE host_census_locality (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    school      VARCHAR(200)  NOT NULL,
    city        VARCHAR(100)  NOT NULL,
    postal_code VARCHAR(10)   NOT NULL,
    students    INT           NOT NULL,
    CONSTRAINT pk_host_census_locality PRIMARY KEY (id),
    CONSTRAINT uq_host_census_locality UNIQUE (school, city, postal_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_plugin_setting (
    plugin_id   VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    setting_value VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_host_plugin_setting PRIMARY KEY (plugin_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Secrets are encrypted (AES-GCM) with a key kept outside the database.
CREATE TABLE host_plugin_secret (
    plugin_id   VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    ciphertext  VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_host_plugin_secret PRIMARY KEY (plugin_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per scheduled task: the node that runs it holds the lease until it expires. Works on a
-- Galera cluster, unlike GET_LOCK.
CREATE TABLE host_lease (
    name        VARCHAR(160)  NOT NULL,
    owner       VARCHAR(100)  NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_lease PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
