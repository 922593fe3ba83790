-- Intent: INHERITS merges parent columns and check constraints; NO INHERIT checks stay.
create table public.vehicles (
  id int not null,
  wheels int check (wheels >= 0),
  made_on date check (made_on > '1900-01-01') no inherit
);
create table public.cars (doors int) inherits (public.vehicles);
create table public.trucks (id int not null, payload numeric) inherits (public.vehicles);
create table public.bikes (id int not null);
alter table public.bikes add column wheels int;
alter table public.bikes add column made_on date;
alter table public.bikes add constraint vehicles_wheels_check check (wheels >= 0);
alter table public.bikes inherit public.vehicles;
alter table public.bikes no inherit public.vehicles;
