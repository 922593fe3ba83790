-- Naming review: composite types get a _t suffix, unit_cost moves to the money domain with four decimals.

alter type inventory.dimensions rename to dimensions_t;
alter type inventory.postal_address rename to postal_address_t;

create domain inventory.unit_price as numeric(14, 4)
  check (value >= 0);

alter table inventory.items
  alter column unit_cost type inventory.unit_price using unit_cost::numeric(14, 4);

alter table inventory.stock_levels
  alter column reorder_point type inventory.quantity using coalesce(reorder_point, 0);

alter type inventory.movement_reason add value 'damaged' after 'adjustment';
alter type inventory.movement_reason add value 'cycle_count' before 'transfer';
