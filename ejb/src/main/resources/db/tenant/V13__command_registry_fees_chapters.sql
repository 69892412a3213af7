-- Command module (SPEC CMD-1, CMD-2, CMD-3, CMD-7): the command's registry (one row), its fees as
-- versions valid from a day to a day, its budget chapters and the split of each violation type's
-- revenue over them; and the charges of issued verbali, which make fees and chapters "in use".
create table command_registry (
    id                    smallint     primary key default 1 check (id = 1),
    official_name         varchar(200) not null,
    body_kind             varchar(10)  not null check (body_kind in ('COMUNE', 'UNIONE', 'PROVINCIA')),
    parent_body_name      varchar(200),
    tax_code              varchar(11)  not null,
    vat_number            varchar(11),
    street                varchar(200),
    postal_code           varchar(5),
    city                  varchar(200),
    province              varchar(2),
    phone                 varchar(20),
    email                 varchar(200),
    pec                   varchar(200),
    website               varchar(300),
    command_manager       varchar(200),
    procedure_manager     varchar(200),
    signature_kind        varchar(20)  not null default 'NONE',
    signature_holder      varchar(200),
    signature_valid_until date,
    logo                  bytea,
    logo_name             varchar(100),
    logo_type             varchar(40),
    letterhead            bytea,
    letterhead_name       varchar(100),
    letterhead_type       varchar(40),
    updated_at            timestamptz  not null,
    updated_by            varchar(100) not null,
    version               integer      not null default 0
);

create table command_fee (
    id              bigint generated always as identity primary key,
    code            varchar(20)   not null,
    description     varchar(200)  not null,
    category        varchar(15)   not null check (category in ('ASSESSMENT', 'NOTIFICATION', 'ADMINISTRATIVE')),
    channel         varchar(10)   check (channel in ('POST', 'PEC', 'SEND', 'ABROAD')),
    amount_kind     varchar(10)   not null check (amount_kind in ('FIXED', 'VARIABLE')),
    amount          numeric(8,2)  not null check (amount > 0),
    valid_from      date          not null,
    valid_to        date,
    legal_reference varchar(300)  not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    reason          text,
    deleted_at      timestamptz,
    deleted_by      varchar(100),
    check ((category = 'NOTIFICATION') = (channel is not null)),
    check (valid_to is null or valid_to >= valid_from)
);
create unique index command_fee_code_from on command_fee (code, valid_from) where deleted_at is null;

create table budget_chapter (
    code             varchar(30)  primary key,
    description      varchar(200) not null,
    chapter_type     varchar(10)  not null check (chapter_type in ('REVENUE', 'EXPENSE')),
    payment_reason   varchar(140),
    treasury_account varchar(60),
    notes            text,
    active           boolean      not null default true,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    version          integer      not null default 0
);

create table chapter_allocation (
    id             bigint generated always as identity primary key,
    violation_type varchar(60)  not null,
    chapter_code   varchar(30)  not null references budget_chapter (code),
    percentage     numeric(5,2) not null check (percentage > 0 and percentage <= 100),
    valid_from     timestamptz  not null,
    valid_to       timestamptz,
    created_by     varchar(100) not null
);
create index chapter_allocation_current on chapter_allocation (violation_type) where valid_to is null;

-- Written by the sanctions lifecycle when a verbale is issued: which fees and chapters it uses.
create table verbale_charge (
    id             bigint generated always as identity primary key,
    verbale_number varchar(60)  not null,
    item_kind      varchar(10)  not null check (item_kind in ('FEE', 'CHAPTER')),
    item_code      varchar(30)  not null,
    recorded_at    timestamptz  not null default now()
);
create index verbale_charge_item on verbale_charge (item_kind, item_code);
