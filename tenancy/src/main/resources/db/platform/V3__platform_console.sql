-- Vendor console (issue 7): the audit trail of platform actions and the onboarding wizards.

-- Every action of vendor support staff on the platform: onboarding, suspension, reactivation,
-- wizard steps, credential key rotation, calls of the platform API. Append-only.
create table platform_audit_event (
    id            bigserial    primary key,
    occurred_at   timestamptz  not null,
    platform_user varchar(100) not null,
    action        varchar(60)  not null,
    tenant_slug   varchar(31),
    detail        text,
    outcome       varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE'))
);
create index platform_audit_event_time on platform_audit_event (occurred_at desc);
create index platform_audit_event_tenant on platform_audit_event (tenant_slug, occurred_at desc);

-- An onboarding started from the console's wizard, kept so that a failed one resumes after the
-- browser was closed. Secrets (the SMTP password) are never stored here.
create table onboarding_wizard (
    id                  varchar(36)  primary key,
    slug                varchar(31)  not null,
    display_name        varchar(200) not null,
    kind                varchar(16)  not null,
    tax_code            varchar(11)  not null,
    patron_saint_day    varchar(5),
    hostnames           text         not null default '',
    admin_username      varchar(64)  not null,
    admin_first_name    varchar(100) not null,
    admin_last_name     varchar(100) not null,
    admin_email         varchar(254) not null,
    theme_code          varchar(30)  not null,
    smtp_host           varchar(253),
    smtp_port           varchar(5),
    smtp_tls            varchar(16),
    smtp_username       varchar(200),
    smtp_sender         varchar(254),
    status              varchar(16)  not null check (status in ('RUNNING', 'FAILED', 'DONE')),
    failed_step         varchar(30),
    failure_reason      text,
    created_by          varchar(100) not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0
);
create index onboarding_wizard_slug on onboarding_wizard (slug, created_at desc);

-- Progress of each step of a wizard's onboarding.
create table onboarding_wizard_step (
    wizard_id   varchar(36)  not null references onboarding_wizard (id),
    position    int          not null,
    step        varchar(30)  not null,
    status      varchar(16)  not null check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    error       text,
    finished_at timestamptz,
    primary key (wizard_id, position)
);
