#set( $table = $pluginId.replace("-", "_") + "_note" )
-- The plugin's own table. Plugins share the console's schema, so its name starts with the plugin's id.
-- Portable SQL: it runs on H2, MariaDB and PostgreSQL alike (ids made by the plugin, no auto-increment).
CREATE TABLE ${table} (
    id          VARCHAR(36)  NOT NULL,
    text        VARCHAR(200) NOT NULL,
    written_by  VARCHAR(200) NOT NULL,
    written_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_${table} PRIMARY KEY (id)
);
