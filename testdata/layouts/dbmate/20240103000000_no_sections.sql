-- Fixture: no migrate:up section, which dbmate refuses: skipped with a warning.
create table nothing (id int);
