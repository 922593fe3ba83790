-- Shared value types for the inventory service: validated domains and two composite types.

create schema if not exists inventory;

create domain inventory.sku_code as varchar(24)
  check (value ~ '^[A-Z0-9]{3,12}(-[A-Z0-9]{2,6})*$');

create domain inventory.quantity as integer
  not null
  default 0
  check (value >= 0);

create domain inventory.money_amount as numeric(14, 2)
  check (value >= 0);

create domain inventory.country_code as char(2)
  constraint country_code_upper_check check (value = upper(value));

create type inventory.dimensions as (
  length_mm integer,
  width_mm integer,
  height_mm integer
);

create type inventory.postal_address as (
  line1 text,
  line2 text,
  city text,
  postal_code varchar(16),
  country inventory.country_code
);
