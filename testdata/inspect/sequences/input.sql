-- Intent: sequences with every option, ALTER SEQUENCE and OWNED BY.
create sequence public.invoice_no as integer start with 1000 increment by 5 minvalue 10 maxvalue 999999 cache 20 cycle;
create sequence public.countdown increment by -1;
create sequence if not exists public.invoice_no;
create table public.invoices (no int not null default nextval('invoice_no'), total numeric);
alter sequence public.invoice_no owned by public.invoices.no;
alter sequence public.countdown restart with -50 cache 5 no cycle;
create unlogged sequence public.scratch_seq;
