-- A chain written to be re-run: most CREATE statements use IF NOT EXISTS; the plain
-- CREATE TABLE and the unnamed CREATE INDEX break the convention (not-idempotent).
create schema if not exists app;
create extension if not exists pgcrypto with schema public;
create table if not exists app.projects (
  id uuid primary key default gen_random_uuid(),
  name text not null
);
create sequence if not exists app.ticket_numbers;
create table app.tickets (
  id bigint primary key,
  project_id uuid not null references app.projects (id)
);
create index if not exists tickets_project_idx on app.tickets (project_id);
create index on app.tickets (id, project_id);
