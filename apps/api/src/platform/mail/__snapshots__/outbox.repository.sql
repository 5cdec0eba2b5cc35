-- store
insert into "mail_outbox" ("to_address", "subject", "text_body") values ($1, $2, $3);
