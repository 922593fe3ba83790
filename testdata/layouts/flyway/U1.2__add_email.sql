-- Fixture: undo migration (flyway teams), skipped with a warning.
alter table accounts drop column email;
