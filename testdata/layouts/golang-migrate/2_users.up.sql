-- Fixture: golang-migrate version 2, up.
create table t2 (id int);
