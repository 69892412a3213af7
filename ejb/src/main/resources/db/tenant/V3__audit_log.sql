-- The audit log table (audit_event) is created by the tenancy module with its own owner role, so
-- that the tenant's role can only read and append (TenantSchemaProvisioner). This version marks
-- the schema release that has it: migrating to it makes the start-up migration reach, and so
-- provision, every tenant onboarded before.
select 1;
