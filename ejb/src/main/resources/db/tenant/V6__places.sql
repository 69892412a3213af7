-- Places module (SPEC PLC-1..8): one row per place (code, status) and one per version of its data;
-- a change to an active place adds a version (PLC-4), nothing is ever deleted.
create table place (
    code                varchar(30)  primary key,
    status              varchar(10)  not null check (status in ('ACTIVE', 'INACTIVE')),
    deactivation_reason text,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null default 0
);

create table place_version (
    id                 bigint generated always as identity primary key,
    place_code         varchar(30)   not null references place (code),
    number             integer       not null check (number > 0),
    name               varchar(200)  not null,
    category           varchar(20)   not null,
    subcategory        varchar(100),
    level              varchar(15)   not null,
    parent_code        varchar(30)   references place (code),
    latitude           numeric(10,7) not null check (latitude between -90 and 90),
    longitude          numeric(10,7) not null check (longitude between -180 and 180),
    zone               varchar(100),
    description        text,
    notes              text,
    external_reference varchar(100),
    speed_limit_kmh    integer,
    ztl_access         boolean       not null default false,
    band_from          time,
    band_to            time,
    changed_at         timestamptz   not null,
    changed_by         varchar(64)   not null,
    reason             text          not null,
    unique (place_code, number)
);
create index place_version_name on place_version (lower(name));
create index place_version_parent on place_version (parent_code);
