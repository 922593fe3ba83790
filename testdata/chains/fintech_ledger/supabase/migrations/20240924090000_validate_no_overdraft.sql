-- Overdrafts are cleared: validate yesterday's NOT VALID check and give it the name it should have had.

alter table ledger.accounts validate constraint accounts_no_overdraft;

alter table ledger.accounts rename constraint accounts_no_overdraft to accounts_balance_nonnegative_check;
