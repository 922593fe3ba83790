-- Fixture: flyway version 1.10, after 1.2.
create index accounts_email_idx on accounts (email);
