-- Fixture: flyway version 1.2, before 1.10 (versions compare part by part as numbers).
alter table accounts add column email text;
