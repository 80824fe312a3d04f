-- What the host kit keeps for a console: the audit log, plugin settings and secrets, scheduler leases, plugin
-- states and id claims, and tool-right grants with what keeps rights checks off the database (a generation that
-- every change to grants, users or groups moves on). Users and groups are the console's own.

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

CREATE TABLE host_plugin_setting (
    plugin_id   VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    setting_value VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_host_plugin_setting PRIMARY KEY (plugin_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_plugin_secret (
    plugin_id   VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    ciphertext  VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_host_plugin_secret PRIMARY KEY (plugin_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A scheduled task's lease, and when it runs next, so that the node that takes a lease over keeps the task's
-- pace instead of starting it afresh.
CREATE TABLE host_lease (
    name        VARCHAR(160)  NOT NULL,
    owner       VARCHAR(100)  NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    next_run_at DATETIME(6),
    CONSTRAINT pk_host_lease PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Plugins a console administrator disabled, remembered across restarts (and shared by every node at start).
CREATE TABLE host_plugin_state (
    plugin_id  VARCHAR(64)   NOT NULL,
    enabled    BOOLEAN       NOT NULL,
    changed_by VARCHAR(200)  NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_plugin_state PRIMARY KEY (plugin_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Which plugin owns each right, panel and menu entry id: the first plugin to contribute it. A plugin dropped in
-- later cannot take an id over (and with a right's id, the grants on it), whatever its name sorts as.
CREATE TABLE host_plugin_claim (
    kind       VARCHAR(10)   NOT NULL,
    claim_id   VARCHAR(100)  NOT NULL,
    plugin_id  VARCHAR(64)   NOT NULL,
    claimed_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_plugin_claim PRIMARY KEY (kind, claim_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A grant of a tool right to a user or a group: levels is a set of the letters R, W, A, D.
CREATE TABLE host_grant (
    subject_type VARCHAR(5)  NOT NULL,
    subject_id   VARCHAR(64) NOT NULL,
    right_id     VARCHAR(64) NOT NULL,
    levels       VARCHAR(4)  NOT NULL,
    CONSTRAINT pk_host_grant PRIMARY KEY (subject_type, subject_id, right_id),
    CONSTRAINT ck_host_grant_subject CHECK (subject_type IN ('USER', 'GROUP'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The version of each right's grants: a change based on an older version is refused and told who changed what.
CREATE TABLE host_right_version (
    right_id       VARCHAR(64)   NOT NULL,
    version        BIGINT        NOT NULL,
    changed_by     VARCHAR(200)  NOT NULL,
    changed_at     DATETIME(6)   NOT NULL,
    change_summary VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_host_right_version PRIMARY KEY (right_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE host_rights_generation (
    slot       INT    NOT NULL,
    generation BIGINT NOT NULL,
    CONSTRAINT pk_host_rights_generation PRIMARY KEY (slot),
    CONSTRAINT ck_host_rights_generation_slot CHECK (slot = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO host_rights_generation (slot, generation) VALUES (1, 1);
