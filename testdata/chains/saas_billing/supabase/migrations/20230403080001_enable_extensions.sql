-- Extensions billing needs: btree_gist for the no-overlap exclusion constraint on subscriptions.

create extension if not exists btree_gist with schema extensions;

create schema if not exists billing;

comment on schema billing is 'Plans, subscriptions and invoices mirrored from the payment provider.';
