-- Fixture: dbmate migration; only the up section replays, line numbers stay those of the file.
-- migrate:up
create table users (
  id bigint primary key,
  email text not null
);

-- migrate:down
drop table users;
