-- Fixture: golang-migrate version 10, up.
create table t10 (id int);
