#set( $table = $pluginId.replace("-", "_") + "_note" )
-- The plugin's own table. Plugins share the console's schema, so its name starts with the plugin's id.
-- MariaDB and H2 (in MariaDB mode) run this file; PostgreSQL runs postgresql/V1__create_note.sql in its place,
-- because a time column has no type the three share. Ids are made by the plugin: no auto-increment to differ.
CREATE TABLE ${table} (
    id          VARCHAR(36)  NOT NULL,
    text        VARCHAR(200) NOT NULL,
    written_by  VARCHAR(200) NOT NULL,
    written_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_${table} PRIMARY KEY (id)
);
