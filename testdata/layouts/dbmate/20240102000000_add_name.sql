-- migrate:up transaction:false
-- Fixture: up section with options; the down section sits in the middle of the file.
alter table users add column name text;

-- migrate:down
alter table users drop column name;

-- migrate:up
create index users_name_idx on users (name);
