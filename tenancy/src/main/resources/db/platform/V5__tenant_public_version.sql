-- The version of what a tenant shows the public (its branding and its command's registry), raised
-- in the transaction of each change. Every node keeps that content cached and reads it again when
-- the version in its copy of the registry differs, instead of after a fixed time per tenant.
alter table tenant add column public_version bigint not null default 0;
