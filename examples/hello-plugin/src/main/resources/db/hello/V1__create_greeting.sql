-- The plugin's own table: every greeting sent, by whom and when. Runs on MariaDB and on H2 in MariaDB mode.
CREATE TABLE hello_greeting (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    text      VARCHAR(200) NOT NULL,
    sent_by   VARCHAR(200) NOT NULL,
    sent_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_hello_greeting PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
