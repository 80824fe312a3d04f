-- Every administrator change names the version it was based on: a change based on an older version is refused
-- and told who changed what since. Users and groups carry their version; a right's grants carry theirs here.

ALTER TABLE host_user ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE host_user ADD COLUMN changed_by VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE host_user ADD COLUMN changed_at DATETIME(6);
ALTER TABLE host_user ADD COLUMN change_summary VARCHAR(2000) NOT NULL DEFAULT '';

ALTER TABLE host_group ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE host_group ADD COLUMN changed_by VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE host_group ADD COLUMN changed_at DATETIME(6);
ALTER TABLE host_group ADD COLUMN change_summary VARCHAR(2000) NOT NULL DEFAULT '';

CREATE TABLE host_right_version (
    right_id       VARCHAR(64)   NOT NULL,
    version        BIGINT        NOT NULL,
    changed_by     VARCHAR(200)  NOT NULL,
    changed_at     DATETIME(6)   NOT NULL,
    change_summary VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_host_right_version PRIMARY KEY (right_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
