-- Stock per warehouse and the movement journal that explains every change.

create type inventory.movement_reason as enum ('receipt', 'sale', 'return', 'adjustment', 'transfer');

create table inventory.stock_levels (
  warehouse_id smallint not null references inventory.warehouses (id) on delete cascade,
  item_id bigint not null references inventory.items (id) on delete cascade,
  on_hand inventory.quantity,
  reserved inventory.quantity,
  reorder_point integer,
  updated_at timestamptz not null default now(),
  primary key (warehouse_id, item_id),
  constraint stock_levels_reserved_check check (reserved <= on_hand)
);

create table inventory.stock_movements (
  id bigserial primary key,
  warehouse_id smallint not null references inventory.warehouses (id),
  item_id bigint not null references inventory.items (id),
  reason inventory.movement_reason not null,
  quantity integer not null,
  reference text,
  moved_by uuid references auth.users (id) on delete set null,
  moved_at timestamptz not null default now(),
  constraint stock_movements_quantity_check check (quantity <> 0)
);

create index stock_movements_item_id_moved_at_idx
  on inventory.stock_movements (item_id, moved_at desc);
create index stock_movements_moved_at_idx on inventory.stock_movements using brin (moved_at);

alter table inventory.stock_levels enable row level security;
alter table inventory.stock_movements enable row level security;
