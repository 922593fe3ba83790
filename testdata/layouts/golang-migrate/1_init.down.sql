-- Fixture: golang-migrate version 1, down (skipped).
drop table t1;
