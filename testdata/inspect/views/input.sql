-- Views and materialized views as Supabase apps write them: joins with aliases,
-- aggregates with GROUP BY, filters on enums and booleans, security_invoker views over
-- RLS tables, CTEs, sub-selects, UNION, window functions, renamed view columns, a
-- materialized view with an index, comments, and REFRESH.
CREATE TYPE public.member_role AS ENUM ('owner', 'admin', 'member');

CREATE TABLE public.workspaces (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  credits numeric NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.workspace_members (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES public.workspaces (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  role public.member_role NOT NULL DEFAULT 'member',
  code varchar(10)
);

ALTER TABLE public.workspaces ENABLE ROW LEVEL SECURITY;

CREATE VIEW public.active_workspaces WITH (security_invoker = true) AS
  SELECT * FROM workspaces WHERE NOT archived;

CREATE OR REPLACE VIEW public.workspace_admins AS
  SELECT w.id, w.name, m.user_id, m.role
  FROM workspaces w
  JOIN workspace_members m ON m.workspace_id = w.id
  WHERE m.role IN ('owner', 'admin') AND NOT w.archived;

CREATE VIEW public.member_counts (workspace, members) AS
  SELECT w.name, count(*)
  FROM workspaces w LEFT JOIN workspace_members m ON m.workspace_id = w.id
  GROUP BY w.name
  HAVING count(*) > 0
  ORDER BY 2 DESC;

CREATE VIEW public.rich_workspaces AS
  WITH spend AS (
    SELECT workspace_id, count(*) AS seats FROM workspace_members GROUP BY workspace_id
  )
  SELECT DISTINCT w.id, w.credits, s.seats, w.credits > 100 AS rich
  FROM workspaces w JOIN spend s ON s.workspace_id = w.id
  WHERE w.credits >= 10 AND w.created_at > now() - interval '30 days';

CREATE VIEW public.member_ranks AS
  SELECT id, workspace_id, row_number() OVER (PARTITION BY workspace_id ORDER BY id) AS rank,
         CASE WHEN role = 'owner' THEN 'O' ELSE 'M' END AS initial,
         code::text AS code_text
  FROM workspace_members
  WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = workspace_members.workspace_id AND w.archived = false);

CREATE VIEW public.all_names AS
  SELECT name FROM workspaces
  UNION
  SELECT user_id::text FROM workspace_members;

CREATE VIEW public.live_workspace_names WITH (security_barrier) AS
  SELECT aw.id, aw.name FROM active_workspaces aw
  WITH CASCADED CHECK OPTION;

CREATE VIEW public.admins_of_live AS
  SELECT a.name, a.user_id FROM live_workspace_names l JOIN workspace_admins a ON a.id = l.id;

CREATE MATERIALIZED VIEW public.workspace_stats AS
  SELECT x.workspace_id, x.seats
  FROM (SELECT workspace_id, count(*) AS seats FROM workspace_members GROUP BY workspace_id) x
  WITH NO DATA;

CREATE UNIQUE INDEX workspace_stats_workspace_id_idx ON public.workspace_stats (workspace_id);

REFRESH MATERIALIZED VIEW public.workspace_stats;

ALTER VIEW public.workspace_admins SET (security_invoker = true);

COMMENT ON VIEW public.workspace_admins IS 'owners and admins of live workspaces';
COMMENT ON COLUMN public.workspace_admins.role IS 'owner or admin';
COMMENT ON MATERIALIZED VIEW public.workspace_stats IS 'seats per workspace';
