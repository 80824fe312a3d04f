-- Console-wide notices that plugins raise, who dismissed which, and the e-mails that tell their audience.
--
-- A notice is open while open_key holds its plugin and key; clearing it sets open_key to NULL. The unique key on
-- open_key lets only one notice of a plugin's key be open, whichever node raises it, while any number of cleared
-- ones stay for the record (a unique key admits many NULLs on every product the kit runs on).
CREATE TABLE host_notice (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    plugin_id     VARCHAR(64)   NOT NULL,
    notice_key    VARCHAR(64)   NOT NULL,
    open_key      VARCHAR(130),
    audience_kind VARCHAR(5)    NOT NULL,
    right_id      VARCHAR(64),
    right_level   VARCHAR(1),
    user_id       VARCHAR(200),
    severity      VARCHAR(10)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    body          VARCHAR(2000) NOT NULL,
    deadline      DATETIME(6),
    panel_id      VARCHAR(64),
    opened_at     DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    cleared_at    DATETIME(6),
    CONSTRAINT pk_host_notice PRIMARY KEY (id),
    CONSTRAINT uq_host_notice_open UNIQUE (open_key),
    CONSTRAINT ck_host_notice_audience CHECK ((audience_kind = 'RIGHT' AND right_id IS NOT NULL
        AND right_level IS NOT NULL AND user_id IS NULL) OR (audience_kind = 'USER' AND user_id IS NOT NULL
        AND right_id IS NULL AND right_level IS NULL)),
    CONSTRAINT ck_host_notice_severity CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_host_notice_plugin ON host_notice (plugin_id, notice_key);

-- A user who dismissed a notice no longer sees it; everyone else still does.
CREATE TABLE host_notice_dismissal (
    user_id      VARCHAR(200) NOT NULL,
    notice_id    BIGINT       NOT NULL,
    dismissed_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_host_notice_dismissal PRIMARY KEY (user_id, notice_id),
    CONSTRAINT fk_host_notice_dismissal FOREIGN KEY (notice_id) REFERENCES host_notice (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The e-mails a notice's opening owes its audience: written with the notice, sent by whichever node claims the
-- row first (claimed_by and claimed_until), retried with a growing pause until sent or given up.
CREATE TABLE host_notice_mail (
    notice_id       BIGINT        NOT NULL,
    user_id         VARCHAR(200)  NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_attempt_at DATETIME(6),
    last_error      VARCHAR(1000),
    claimed_by      VARCHAR(100),
    claimed_until   DATETIME(6),
    sent_at         DATETIME(6),
    CONSTRAINT pk_host_notice_mail PRIMARY KEY (notice_id, user_id),
    CONSTRAINT fk_host_notice_mail FOREIGN KEY (notice_id) REFERENCES host_notice (id),
    CONSTRAINT ck_host_notice_mail_state CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_host_notice_mail_due ON host_notice_mail (state, next_attempt_at);
