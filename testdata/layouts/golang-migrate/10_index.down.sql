-- Fixture: golang-migrate version 10, down (skipped).
drop table t10;
