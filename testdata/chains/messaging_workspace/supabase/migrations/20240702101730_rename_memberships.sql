-- Product renamed "memberships" to "workspace members"; follow it in the schema and add a viewer role.

alter table public.memberships rename to workspace_members;
alter index public.memberships_user_id_idx rename to workspace_members_user_id_idx;
alter table public.workspace_members
  rename constraint memberships_workspace_id_user_id_key to workspace_members_workspace_id_user_id_key;

alter type public.membership_role add value 'viewer' after 'member';
alter type public.membership_role rename to workspace_role;

alter table public.workspace_members add column invited_by uuid references auth.users (id) on delete set null;
alter table public.workspace_members add column last_seen_at timestamptz;
