-- Journal entries and postings. FKs are deferrable so an entry and its postings insert in one transaction in any order.

create type ledger.posting_direction as enum ('debit', 'credit');

create table ledger.journal_entries (
  id bigint generated always as identity primary key,
  reference varchar(64) not null,
  description text,
  effective_on date not null default current_date,
  posted_at timestamptz not null default now(),
  created_by uuid references auth.users (id) on delete set null,
  reverses_id bigint references ledger.journal_entries (id)
    deferrable initially deferred,
  constraint journal_entries_reference_key unique (reference)
    deferrable initially immediate
);

create table ledger.postings (
  id bigint generated always as identity primary key,
  entry_id bigint not null,
  account_id uuid not null,
  direction ledger.posting_direction not null,
  amount numeric(18, 2) not null,
  memo text,
  constraint postings_entry_id_fkey foreign key (entry_id)
    references ledger.journal_entries (id) on delete cascade
    deferrable initially deferred,
  constraint postings_account_id_fkey foreign key (account_id)
    references ledger.accounts (id)
    deferrable initially deferred,
  constraint postings_amount_check check (amount > 0)
);

create index postings_entry_id_idx on ledger.postings (entry_id);
create index postings_account_id_idx on ledger.postings (account_id) include (amount, direction);

alter table ledger.accounts enable row level security;
alter table ledger.journal_entries enable row level security;
alter table ledger.postings enable row level security;
alter table ledger.postings force row level security;
