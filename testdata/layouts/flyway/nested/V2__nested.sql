-- Fixture: flyway scans sub-directories, so version 2 comes last among versioned files.
alter table accounts add column created_at timestamptz;
