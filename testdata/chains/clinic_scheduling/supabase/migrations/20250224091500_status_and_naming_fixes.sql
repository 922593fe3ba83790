-- Telehealth visits have no room, add a status for late cancellations and tidy a few names.

alter type public.appointment_status add value 'late_cancelled' after 'cancelled';
alter type public.appointment_status add value 'in_progress' before 'completed';

alter table public.appointments add column is_virtual boolean not null default false;
alter table public.appointments add column video_url text;
alter table public.appointments
  add constraint appointments_virtual_room_check
  check (not is_virtual or room_id is null);

alter table public.appointments rename column reason to chief_complaint;
alter index public.appointments_during_idx rename to appointments_during_gist_idx;
alter table public.rooms rename column area_m2 to floor_area_m2;

comment on index public.appointments_during_gist_idx is 'Calendar range queries (during && $range).';
comment on constraint appointments_room_no_overlap on public.appointments is 'Cancelled and no-show visits free the room.';
