-- Intent: every constraint type with its options: foreign key actions, match, deferral,
-- NOT VALID, NO INHERIT, INCLUDE, NULLS NOT DISTINCT, exclusion.
create extension if not exists btree_gist;
create table public.accounts (
  id bigint primary key,
  code text not null,
  constraint accounts_code_key unique nulls not distinct (code) include (id)
);
create table public.transfers (
  id bigint primary key,
  from_id bigint not null,
  to_id bigint,
  amount numeric(20, 4) not null,
  constraint transfers_from_fk foreign key (from_id) references public.accounts (id)
    on update cascade on delete restrict deferrable initially deferred,
  constraint transfers_to_fk foreign key (to_id) references public.accounts (id)
    match full on delete set null,
  constraint positive_amount check (amount > 0) no inherit
);
alter table public.transfers add constraint transfers_small check (amount < 1000000) not valid;
create table public.bookings (
  room int not null,
  during tstzrange not null,
  exclude using gist (room with =, during with &&)
);
