-- Private documents live under <user id>/... in the documents bucket; the first folder of
-- the object name must be the caller's id.

create policy "Users read own documents"
  on storage.objects for select
  to authenticated
  using (
    bucket_id = 'documents'
    and (storage.foldername(name))[1] = (select auth.uid())::text
  );

create policy "Users upload own documents"
  on storage.objects for insert
  to authenticated
  with check (
    bucket_id = 'documents'
    and (storage.foldername(name))[1] = (select auth.uid()::text)
  );

create policy "Users delete own documents"
  on storage.objects for delete
  to authenticated
  using (bucket_id = 'documents' and owner = (select auth.uid()));

-- Tighten the avatar upload: only into one's own folder.
drop policy "Anyone can upload an avatar." on storage.objects;
create policy "Users upload own avatar"
  on storage.objects for insert
  to authenticated
  with check (
    bucket_id = 'avatars'
    and (storage.foldername(name))[1] = (select auth.uid())::text
    and storage.extension(name) in ('png', 'jpg', 'webp')
  );
