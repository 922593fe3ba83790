-- Validate the hold FKs, add a posting-side currency check and name the journal's self reference properly.

alter table ledger.holds validate constraint holds_account_id_fkey;
alter table ledger.holds validate constraint holds_captured_entry_id_fkey;

alter table ledger.postings add column currency char(3);
alter table ledger.postings
  add constraint postings_currency_fkey foreign key (currency)
  references ledger.currencies (code) not valid;
alter table ledger.postings validate constraint postings_currency_fkey;

alter table ledger.journal_entries
  rename constraint journal_entries_reverses_id_fkey to journal_entries_reversal_fkey;

alter type ledger.account_kind add value 'contra_asset' after 'asset';

comment on constraint postings_amount_check on ledger.postings is 'Direction carries the sign; amounts are always positive.';
