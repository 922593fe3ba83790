-- Fixture: repeatable migration, first of the repeatable ones (descriptions sort).
create or replace function account_count() returns bigint language sql as 'select count(*) from accounts';
