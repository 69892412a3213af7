-- Branding of each tenant (SPEC PLT-9, PLT-10), set by vendor staff: a base theme and the values
-- that override it (null = inherited from the base theme). Colours are #RRGGBB, WCAG-checked by the
-- application before they are stored.
create table tenant_branding (
    tenant_slug       varchar(31)  primary key references tenant (slug),
    base_theme        varchar(31)  not null default 'default',
    display_name      varchar(200),
    primary_colour    varchar(7)   check (primary_colour ~ '^#[0-9A-F]{6}$'),
    secondary_colour  varchar(7)   check (secondary_colour ~ '^#[0-9A-F]{6}$'),
    footer_contacts   varchar(1000),
    footer_text       varchar(1000),
    logo              bytea,
    logo_content_type varchar(100),
    updated_at        timestamptz  not null,
    updated_by        varchar(255) not null,
    version           bigint       not null default 0
);
