-- Intent: COMMENT ON every modelled kind, and removal with IS NULL.
create schema billing;
comment on schema billing is 'Money lives here';
create type billing.currency as enum ('eur', 'usd');
comment on type billing.currency is 'ISO 4217 subset';
create table billing.invoices (id int primary key, amount numeric check (amount > 0));
comment on table billing.invoices is 'One row per invoice';
comment on column billing.invoices.amount is 'Gross amount, it''s in cents';
comment on constraint invoices_amount_check on billing.invoices is 'No zero invoices';
comment on index billing.invoices_pkey is 'Primary key index';
comment on table billing.invoices is null;
