-- Groups, tool-right grants, and what keeps rights checks off the database: a generation number that every
-- change to users, groups or grants moves on, so that each node recomputes a user's effective rights once per
-- change instead of once per check.

CREATE TABLE host_group (
    id          VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(500)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_group PRIMARY KEY (id),
    CONSTRAINT uq_host_group_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_group_member (
    group_id VARCHAR(64) NOT NULL,
    user_id  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_host_group_member PRIMARY KEY (group_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_host_group_member_user ON host_group_member (user_id);

-- A grant of a tool right to a user or a group: levels is a set of the letters R, W, A, D.
CREATE TABLE host_grant (
    subject_type VARCHAR(5)  NOT NULL,
    subject_id   VARCHAR(64) NOT NULL,
    right_id     VARCHAR(64) NOT NULL,
    levels       VARCHAR(4)  NOT NULL,
    CONSTRAINT pk_host_grant PRIMARY KEY (subject_type, subject_id, right_id),
    CONSTRAINT ck_host_grant_subject CHECK (subject_type IN ('USER', 'GROUP'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_rights_generation (
    slot       INT    NOT NULL,
    generation BIGINT NOT NULL,
    CONSTRAINT pk_host_rights_generation PRIMARY KEY (slot),
    CONSTRAINT ck_host_rights_generation_slot CHECK (slot = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO host_rights_generation (slot, generation) VALUES (1, 1);

-- Failed sign-ins per user name and per address, shared by every node, for throttling.
CREATE TABLE host_signin_failure (
    throttle_key VARCHAR(200) NOT NULL,
    failures     INT          NOT NULL,
    first_at     DATETIME(6)  NOT NULL,
    locked_until DATETIME(6),
    CONSTRAINT pk_host_signin_failure PRIMARY KEY (throttle_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
