-- Enterprise plans exceed 99,999,999.99; widen the amount and add trials.

alter table billing.plans alter column amount type numeric(12, 2);
alter table billing.plans add column trial_days smallint not null default 0;
alter table billing.plans
  add constraint plans_trial_days_check check (trial_days between 0 and 90);
alter table billing.plans
  add constraint plans_currency_check check (currency = lower(currency));

alter type billing.invoice_status add value 'uncollectible' after 'paid';
alter type billing.subscription_status add value 'incomplete' before 'trialing';
alter type billing.subscription_status add value 'paused' after 'past_due';
