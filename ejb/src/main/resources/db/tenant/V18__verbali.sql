-- Verbali (issue 14, SPEC LIF-2, CMD-2, CMD-4, ART-4): the act made from a validated detection or
-- pre-notice, frozen at issue — the article version, place, device, owner and amounts as they were
-- — with its number (gapless, taken in the same transaction), its payment windows with their pagoPA
-- notice codes, the fees charged, every change of state and the documents.

-- IUV bases: unique within the tenant's schema (the notice code adds the tenant's segregation code).
create sequence verbale_iuv_base;

create table verbale (
    id                     bigint generated always as identity primary key,
    number                 varchar(60)  not null unique,
    source_kind            varchar(10)  not null check (source_kind in ('DETECTION', 'PRE_NOTICE')),
    source_id              varchar(40)  not null,
    violation_at           timestamp    not null,
    place_code             varchar(40)  not null,
    place_description      varchar(300) not null,
    device_code            varchar(40),
    calibration_number     varchar(100),
    calibrated_on          date,
    article_code           varchar(40)  not null,
    article_valid_from     date         not null,
    article_title          varchar(300) not null,
    article_text           text         not null,
    legal_source           varchar(300),
    points                 integer      not null check (points >= 0),
    accessory_sanctions    varchar(300),
    decided_rule           text,
    plate                  varchar(16)  not null,
    country                varchar(3)   not null,
    vehicle_type           varchar(40),
    measured_speed         numeric(6,2),
    speed_limit            integer,
    owner_kind             varchar(10)  not null check (owner_kind in ('PERSON', 'COMPANY')),
    owner_name             varchar(200) not null,
    owner_tax_code         varchar(16)  not null,
    owner_address          varchar(400) not null,
    owner_pec              varchar(254),
    owner_abroad           boolean      not null,
    officer                varchar(100) not null,
    department             varchar(200),
    channel                varchar(10)  not null check (channel in ('POST', 'PEC', 'SEND', 'ABROAD')),
    notification_deadline  date         not null,
    issued_on              date         not null,
    issued_at              timestamptz  not null,
    issued_by              varchar(100) not null,
    status                 varchar(20)  not null check (status in ('ISSUED', 'SENT', 'NOTIFIED',
                               'PAID', 'PARTIALLY_PAID', 'UNPAID', 'APPEALED', 'ANNULLED', 'ARCHIVED')),
    status_reason          text,
    notified_on            date,
    pin_hash               varchar(200) not null,
    version                integer      not null default 0,
    -- one act per violation, whoever issues it and however many times
    unique (source_kind, source_id),
    check (status <> 'ANNULLED' or status_reason is not null)
);
create index verbale_status on verbale (status, issued_at desc);
create index verbale_owner on verbale (owner_tax_code);
create index verbale_plate on verbale (plate);

-- The payment windows of an act with the sanction, the fees and the total, and its pagoPA notice;
-- the last day is known once the act is notified (the engine's count, holidays included).
create table verbale_window (
    verbale_id   bigint        not null references verbale (id),
    window_type  varchar(20)   not null check (window_type in ('REDUCED_30', 'MINIMUM', 'HALF_MAXIMUM')),
    sanction     numeric(10,2) not null check (sanction > 0),
    fees         numeric(10,2) not null check (fees >= 0),
    total        numeric(10,2) not null check (total = sanction + fees),
    last_day     date,
    iuv          varchar(17)   unique,
    notice_code  varchar(18)   unique,
    primary key (verbale_id, window_type),
    check ((iuv is null) = (notice_code is null))
);

-- The fees charged with the act (frozen: later fee versions do not change it).
create table verbale_fee (
    verbale_id   bigint        not null references verbale (id),
    code         varchar(20)   not null,
    description  varchar(200)  not null,
    category     varchar(15)   not null,
    amount       numeric(8,2)  not null check (amount >= 0),
    primary key (verbale_id, code)
);

-- The act's timeline: every change of state with who, when and why.
create table verbale_event (
    id           bigint generated always as identity primary key,
    verbale_id   bigint        not null references verbale (id),
    at           timestamptz   not null,
    by_user      varchar(100)  not null,
    from_status  varchar(20),
    to_status    varchar(20)   not null,
    reason       text
);
create index verbale_event_verbale on verbale_event (verbale_id, at);

-- The act's documents: the PDF printed at issue (it carries the PIN, which is kept only as a hash).
create table verbale_document (
    id           bigint generated always as identity primary key,
    verbale_id   bigint        not null references verbale (id),
    kind         varchar(20)   not null check (kind in ('VERBALE_PDF')),
    file_name    varchar(200)  not null,
    media_type   varchar(100)  not null,
    content      bytea         not null,
    sha256       varchar(64)   not null,
    created_at   timestamptz   not null,
    unique (verbale_id, kind)
);
