-- Track lots with expiry for food stock; transfers become a pair of movements, so drop the old column.

create table inventory.lots (
  id bigint generated always as identity primary key,
  item_id bigint not null references inventory.items (id) on delete cascade,
  lot_code inventory.sku_code not null,
  expires_on date,
  received_qty inventory.quantity,
  origin inventory.country_code,
  constraint lots_item_id_lot_code_key unique (item_id, lot_code)
);

create index lots_expires_on_idx on inventory.lots (expires_on) where expires_on is not null;

alter table inventory.stock_movements add column lot_id bigint
  references inventory.lots (id) on delete set null;
alter table inventory.stock_movements drop column reference;

alter table inventory.lots enable row level security;

comment on type inventory.dimensions_t is 'Outer packaging in millimetres.';
comment on domain inventory.quantity is 'Non-negative unit count; null is not allowed.';
