-- opening_hours was json by mistake; jsonb lets the API index and compare it.

alter table public.clinics
  alter column opening_hours type jsonb using opening_hours::jsonb;
alter table public.clinics alter column opening_hours set default '{}'::jsonb;
alter table public.clinics alter column opening_hours set not null;

alter table public.clinics add column address text;
alter table public.clinics add column age_range int4range;

alter table public.rooms alter column area_m2 type numeric(6, 2);
