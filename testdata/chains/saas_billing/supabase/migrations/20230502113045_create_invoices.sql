-- Invoices and their line items, amounts in major units with two decimals.

create type billing.invoice_status as enum ('draft', 'open', 'paid', 'void');

create table billing.invoices (
  id uuid primary key default gen_random_uuid(),
  number varchar(32) not null,
  customer_id uuid not null references billing.customers (id) on delete restrict,
  subscription_id uuid references billing.subscriptions (id) on delete set null,
  status billing.invoice_status not null default 'draft',
  currency char(3) not null,
  subtotal numeric(12, 2) not null default 0,
  tax numeric(12, 2) not null default 0,
  total numeric(12, 2) generated always as (subtotal + tax) stored,
  amount_paid numeric(12, 2) not null default 0,
  period daterange,
  issued_at timestamptz,
  due_at timestamptz,
  paid_at timestamptz,
  constraint invoices_number_key unique (number),
  constraint invoices_amount_paid_check check (amount_paid >= 0),
  constraint invoices_paid_at_check check (status <> 'paid' or paid_at is not null)
);

create index invoices_customer_id_issued_at_idx
  on billing.invoices (customer_id, issued_at desc nulls last);
create index invoices_open_due_at_idx on billing.invoices (due_at) where status = 'open';

create table billing.invoice_line_items (
  id bigint generated always as identity primary key,
  invoice_id uuid not null references billing.invoices (id) on delete cascade,
  description text not null,
  quantity integer not null default 1,
  unit_amount numeric(12, 2) not null,
  amount numeric(12, 2) generated always as (quantity * unit_amount) stored,
  period tstzrange
);

create index invoice_line_items_invoice_id_idx on billing.invoice_line_items (invoice_id);

alter table billing.invoices enable row level security;
alter table billing.invoice_line_items enable row level security;
