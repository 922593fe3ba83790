-- Triggers of every shape: row and statement, WHEN, UPDATE OF, transition tables,
-- constraint triggers, enabled states, comments, a rename and a drop.
create schema app;
create function app.touch() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create function app.audit() returns trigger language plpgsql as $$
begin
  return null;
end
$$;
create table app.customers (id bigint primary key);
create table app.orders (
  id bigint primary key,
  customer_id bigint references app.customers (id),
  status text not null default 'open',
  total numeric(12, 2),
  updated_at timestamptz
);
create trigger orders_touch before update of total, status on app.orders
  for each row when (old.total is distinct from new.total or new.status in ('paid', 'void'))
  execute function app.touch();
create trigger orders_audit after insert or update or delete on app.orders
  for each row execute procedure app.audit('orders', 42);
create trigger orders_bulk after update on app.orders
  referencing old table as before_rows new table as after_rows
  for each statement execute function app.audit();
create trigger orders_wipe after truncate on app.orders execute function app.audit();
create constraint trigger orders_check after insert on app.orders from app.customers
  deferrable initially deferred for each row execute function app.audit();
create trigger orders_quiet after insert on app.orders for each row execute function app.audit();
alter table app.orders disable trigger orders_quiet;
create trigger orders_replica after delete on app.orders for each row execute function app.audit();
alter table app.orders enable replica trigger orders_replica;
comment on trigger orders_audit on app.orders is 'every change';
create trigger orders_tmp before insert on app.orders for each row execute function app.touch();
alter trigger orders_tmp on app.orders rename to orders_stamp;
create trigger orders_gone after insert on app.orders for each row execute function app.audit();
drop trigger orders_gone on app.orders;
