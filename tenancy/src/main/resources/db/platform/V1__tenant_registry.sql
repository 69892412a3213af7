-- Tenant registry of the platform (schema "platform"). One row per police command.
create table tenant (
    slug                    varchar(31)  primary key,
    display_name            varchar(200) not null,
    kind                    varchar(16)  not null check (kind in ('COMUNE', 'UNIONE', 'PROVINCIA')),
    tax_code                char(11)     not null,
    patron_saint_day        char(5),
    schema_name             varchar(63)  not null unique,
    status                  varchar(16)  not null check (status in ('PROVISIONING', 'FAILED', 'ACTIVE', 'SUSPENDED')),
    status_reason           text,
    created_at              timestamptz  not null,
    onboarding_started_at   timestamptz,
    onboarding_completed_at timestamptz,
    onboarding_millis       bigint,
    onboarding_error        text,
    suspended_at            timestamptz,
    migration_status        varchar(16)  not null check (migration_status in ('PENDING', 'CURRENT', 'FAILED')),
    schema_version          varchar(50),
    migration_error         text,
    migrated_at             timestamptz,
    version                 bigint       not null default 0
);

-- Host names that resolve to a tenant besides <slug>.<base-domain>; unique across tenants.
create table tenant_hostname (
    hostname    varchar(253) primary key,
    tenant_slug varchar(31)  not null references tenant (slug)
);
create index tenant_hostname_tenant on tenant_hostname (tenant_slug);
