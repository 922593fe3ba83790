-- Fixture: golang-migrate version 2, down (skipped).
drop table t2;
