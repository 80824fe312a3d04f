#set( $table = $pluginId.replace("-", "_") + "_note" )
-- PostgreSQL's V1, in place of ../V1__create_note.sql: the same table, with PostgreSQL's time type.
CREATE TABLE ${table} (
    id          VARCHAR(36)  NOT NULL,
    text        VARCHAR(200) NOT NULL,
    written_by  VARCHAR(200) NOT NULL,
    written_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_${table} PRIMARY KEY (id)
);
