-- Crypto assets need four decimals and larger balances: move money columns to numeric(20,4).

alter table ledger.accounts
  alter column balance type numeric(20, 4) using balance::numeric(20, 4);
alter table ledger.postings
  alter column amount type numeric(20, 4) using amount::numeric(20, 4);

alter table ledger.currencies add column is_crypto boolean not null default false;

-- Customer accounts must never go negative; old overdrafts are being cleared, so do not validate yet.
alter table ledger.accounts
  add constraint accounts_no_overdraft check (is_system or balance >= 0) not valid;
