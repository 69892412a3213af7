-- The tenant's organization in the platform's identity provider (Keycloak), created at onboarding.
alter table tenant add column identity_organization_id varchar(64);
