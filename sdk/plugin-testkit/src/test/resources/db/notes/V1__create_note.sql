CREATE TABLE notes_note (
    id    BIGINT      NOT NULL AUTO_INCREMENT,
    text  VARCHAR(50) NOT NULL,
    CONSTRAINT pk_notes_note PRIMARY KEY (id)
);
