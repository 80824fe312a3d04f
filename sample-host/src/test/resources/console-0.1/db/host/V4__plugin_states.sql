-- Plugins a console administrator disabled, remembered across restarts (and shared by every node at start).
CREATE TABLE host_plugin_state (
    plugin_id  VARCHAR(64)   NOT NULL,
    enabled    BOOLEAN       NOT NULL,
    changed_by VARCHAR(200)  NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_plugin_state PRIMARY KEY (plugin_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
