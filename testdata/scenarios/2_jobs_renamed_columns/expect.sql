-- After apply: the rows survived the renames (no column was dropped and re-added).
select count(*) = 3 and sum(attempts) = 4 and count(distinct user_id) = 2
from public.jobs;
