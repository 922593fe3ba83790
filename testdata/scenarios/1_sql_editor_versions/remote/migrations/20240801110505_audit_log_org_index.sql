-- Run in the SQL editor as "audit log org index".

create index audit_log_org_id_created_at_idx on public.audit_log (org_id, created_at desc);
