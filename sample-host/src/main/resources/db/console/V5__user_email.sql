-- Where the console e-mails a user their notices; empty when they have no address.
ALTER TABLE host_user ADD COLUMN email VARCHAR(254) NOT NULL DEFAULT '';
