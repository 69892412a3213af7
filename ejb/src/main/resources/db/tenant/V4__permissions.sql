-- Permissions module (SPEC PRM-1..8): staff users, derived roles, visibility policies and the
-- security history. Predefined roles live in the code (PredefinedRole) and are never stored, so a
-- release can correct them; derived roles store their own permission set.

create table staff_role (
    code          varchar(40)  primary key,
    name          varchar(80)  not null unique,
    derived_from  varchar(40)  not null,
    permissions   text         not null,
    deleted       boolean      not null default false,
    version       integer      not null default 0
);

create table visibility_policy (
    role_code  varchar(40) primary key,
    scope      varchar(30) not null,
    version    integer     not null default 0
);

create table staff_user (
    username          varchar(64)  primary key,
    given_name        varchar(100) not null,
    surname           varchar(100) not null,
    codice_fiscale    varchar(16)  unique, -- null only for the first administrator until completed
    email             varchar(254),
    department_id     varchar(60)  not null,
    primary_role_code varchar(40)  not null,
    status            varchar(20)  not null,
    created_at        timestamptz  not null,
    last_access_at    timestamptz,
    deleted           boolean      not null default false,
    version           integer      not null default 0
);

create table security_history (
    id            bigserial    primary key,
    at            timestamptz  not null,
    author        varchar(64)  not null,
    subject_kind  varchar(30)  not null,
    subject_id    varchar(64)  not null,
    change_kind   varchar(40)  not null,
    old_value     text         not null,
    new_value     text         not null,
    reason        text         not null
);
create index security_history_subject on security_history (subject_kind, subject_id, at desc);
create index security_history_at on security_history (at desc);

-- Idempotency of creating requests (one key per form submission or API call).
create table request_key (
    request_key  varchar(80)  primary key,
    outcome      varchar(200) not null,
    created_at   timestamptz  not null default now()
);
