-- The sample console's own tables: its users and their sessions, groups, sign-in throttling, and the district
-- it serves. What the host kit keeps (audit, grants, plugin settings and states) has its own history.

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
    -- Every administrator change names the version it was based on: one based on an older version is refused.
    version              BIGINT        NOT NULL DEFAULT 1,
    changed_by           VARCHAR(200)  NOT NULL DEFAULT '',
    changed_at           DATETIME(6),
    change_summary       VARCHAR(2000) NOT NULL DEFAULT '',
    CONSTRAINT pk_host_user PRIMARY KEY (id),
    CONSTRAINT uq_host_user_login UNIQUE (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

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

CREATE TABLE host_group (
    id             VARCHAR(64)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    description    VARCHAR(500)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 1,
    changed_by     VARCHAR(200)  NOT NULL DEFAULT '',
    changed_at     DATETIME(6),
    change_summary VARCHAR(2000) NOT NULL DEFAULT '',
    CONSTRAINT pk_host_group PRIMARY KEY (id),
    CONSTRAINT uq_host_group_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_group_member (
    group_id VARCHAR(64) NOT NULL,
    user_id  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_host_group_member PRIMARY KEY (group_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_host_group_member_user ON host_group_member (user_id);

-- Sign-in throttling by (user name, address) and by address, with a delay that grows with every failure instead
-- of a lock on the account; when the last attempt counted was made, so that quiet keys are forgotten.
CREATE TABLE host_signin_failure (
    throttle_key VARCHAR(200) NOT NULL,
    failures     INT          NOT NULL,
    first_at     DATETIME(6)  NOT NULL,
    locked_until DATETIME(6),
    last_at      DATETIME(6),
    CONSTRAINT pk_host_signin_failure PRIMARY KEY (throttle_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_district (
    slot        INT           NOT NULL,
    district_id VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    state       CHAR(2)       NOT NULL,
    CONSTRAINT pk_host_district PRIMARY KEY (slot),
    CONSTRAINT ck_host_district_slot CHECK (slot = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_census_locality (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    school      VARCHAR(200)  NOT NULL,
    city        VARCHAR(100)  NOT NULL,
    postal_code VARCHAR(10)   NOT NULL,
    students    INT           NOT NULL,
    CONSTRAINT pk_host_census_locality PRIMARY KEY (id),
    CONSTRAINT uq_host_census_locality UNIQUE (school, city, postal_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
