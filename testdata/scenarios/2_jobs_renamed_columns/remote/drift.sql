-- Production use since the first push: two users' queued and failed jobs, and an index an
-- engineer added by hand on the old column name while chasing a slow dashboard query.

insert into auth.users (id, email) values
  ('7f1e6b36-2c35-4d8e-9a51-0c1f5a0c7e11', 'ada@example.com'),
  ('c3d8a8e2-5b9f-4b60-8f0e-2f3a1d4b9c22', 'linus@example.com');

insert into public.jobs (owner, kind, payload, status, tries) values
  ('7f1e6b36-2c35-4d8e-9a51-0c1f5a0c7e11', 'send_email', '{"to": "ada@example.com"}', 'queued', 0),
  ('7f1e6b36-2c35-4d8e-9a51-0c1f5a0c7e11', 'resize_image', '{"key": "a.png"}', 'failed', 3),
  ('c3d8a8e2-5b9f-4b60-8f0e-2f3a1d4b9c22', 'send_email', '{"to": "linus@example.com"}', 'done', 1);

create index jobs_owner_idx on public.jobs (owner);
