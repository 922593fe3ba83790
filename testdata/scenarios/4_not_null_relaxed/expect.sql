-- After apply: the remote kept its relaxed column and the profile without a name.
select count(*) = 1 from public.profiles where display_name is null;
select not attnotnull from pg_attribute
where attrelid = 'public.profiles'::regclass and attname = 'display_name';
