-- Which plugin owns each right, panel and menu entry id: the first plugin to contribute it. A plugin dropped in
-- later cannot take an id over (and with a right's id, the grants on it), whatever its name sorts as.
CREATE TABLE host_plugin_claim (
    kind       VARCHAR(10)   NOT NULL,
    claim_id   VARCHAR(100)  NOT NULL,
    plugin_id  VARCHAR(64)   NOT NULL,
    claimed_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_host_plugin_claim PRIMARY KEY (kind, claim_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
