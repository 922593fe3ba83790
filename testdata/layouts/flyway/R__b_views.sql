-- Fixture: repeatable migration, after every versioned one and after R__a_functions.
create or replace view account_names as select id, name from accounts;
