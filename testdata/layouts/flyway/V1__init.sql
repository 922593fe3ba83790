-- Fixture: flyway version 1.
create table accounts (id bigint primary key);
