-- Document archive partitioned the pre-PG10 way: children by year with CHECK constraints.

create table public.documents (
  id bigserial,
  owner_id integer,
  title text not null,
  body bytea,
  filed_on date not null,
  keywords text[]
);

create table public.documents_2019 (
  constraint documents_2019_filed_on_check
    check (filed_on >= date '2019-01-01' and filed_on < date '2020-01-01')
) inherits (public.documents);

create table public.documents_2020 (
  constraint documents_2020_filed_on_check
    check (filed_on >= date '2020-01-01' and filed_on < date '2021-01-01')
) inherits (public.documents);

create index documents_2019_filed_on_idx on public.documents_2019 (filed_on);
create index documents_2020_filed_on_idx on public.documents_2020 (filed_on);

create table public.badges (
  id serial primary key,
  employee_id integer not null references public.employees (id) on delete cascade,
  badge_code varchar(20) not null unique,
  issued_on date not null default current_date
);

create table public.badge_scans (
  id bigserial primary key,
  badge_id integer references public.badges (id) on delete cascade,
  door varchar(32) not null,
  scanned_at timestamp not null default localtimestamp
);
