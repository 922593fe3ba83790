-- Fixture: golang-migrate version 1, up.
create table t1 (id int);
