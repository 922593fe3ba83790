-- Fixture: flyway version 1.1 (an underscore in the version reads as a dot).
alter table accounts add column name text;
