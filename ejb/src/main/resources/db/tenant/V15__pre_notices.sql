-- Sanctions context, pre-notices (SPEC LIF-1, DEV-4, PRM-6; seed 001 §11.1 "Gestione dei dispositivi
-- mobili"): pre-notices from the mobile app and from paper forms, their photos and plate
-- corrections, the log of the app's upload sessions, and the blocks of verbale numbers reserved to a
-- device for immediate contestation while offline. Place, article, device and officer are codes of
-- their own contexts, checked by their published services, not foreign keys (ADR 0006).

-- One row per upload call of the mobile app (DEV-4): who, which device, when, what was received,
-- what was kept and what refused, with the anomalies of the refused items.
create table mobile_sync_session (
    id                bigint generated always as identity primary key,
    device_code       varchar(30)  not null,
    officer           varchar(64)  not null,
    operation         varchar(20)  not null,
    started_at        timestamptz  not null,
    ended_at          timestamptz,
    items_received    integer      not null default 0 check (items_received >= 0),
    items_accepted    integer      not null default 0 check (items_accepted >= 0),
    items_duplicate   integer      not null default 0 check (items_duplicate >= 0),
    items_refused     integer      not null default 0 check (items_refused >= 0),
    bytes             bigint       not null default 0,
    anomalies         text,
    check (items_accepted + items_duplicate + items_refused <= items_received)
);
create index mobile_sync_session_device on mobile_sync_session (device_code, started_at desc);
create index mobile_sync_session_started on mobile_sync_session (started_at desc);

-- The id is the UUID the device (or the office, for paper forms) generated: the primary key makes
-- a pre-notice sent twice, or by two concurrent uploads, exist once.
create table pre_notice (
    id               uuid         primary key,
    origin           varchar(10)  not null check (origin in ('MOBILE', 'PAPER')),
    violation_at     timestamptz  not null,
    place_code       varchar(30)  not null,
    article_code     varchar(30)  not null,
    plate            varchar(15)  not null,
    plate_country    varchar(2)   not null,
    vehicle_type     varchar(20)  not null,
    officer          varchar(64)  not null,
    department       varchar(200),
    notes            text,
    photo_count      integer      not null default 0 check (photo_count between 0 and 6),
    device_code      varchar(30),
    verbale_number   varchar(60),
    sync_session_id  bigint       references mobile_sync_session (id),
    recorded_at      timestamptz  not null,
    recorded_by      varchar(64)  not null,
    status           varchar(10)  not null check (status in ('RECORDED', 'VALIDATED', 'ARCHIVED')),
    reviewed_by      varchar(64),
    reviewed_at      timestamptz,
    archive_reason   text,
    restored_by      varchar(64),
    restored_at      timestamptz,
    version          integer      not null default 0,
    check (status <> 'ARCHIVED' or archive_reason is not null),
    check (status = 'RECORDED' or reviewed_by is not null),
    check (origin = 'PAPER' or device_code is not null)
);
-- The back office searches by period within the visibility of the role (PRM-6: own, department,
-- all), by status and by plate.
create index pre_notice_violation_at on pre_notice (violation_at desc);
create index pre_notice_officer on pre_notice (officer, violation_at desc);
create index pre_notice_department on pre_notice (department, violation_at desc);
create index pre_notice_status on pre_notice (status, violation_at desc);
create index pre_notice_plate on pre_notice (plate);
create unique index pre_notice_verbale_number on pre_notice (verbale_number)
    where verbale_number is not null;

-- Photos checked by content (JPEG or PNG, at most 2 MB each), with their SHA-256.
create table pre_notice_photo (
    pre_notice_id  uuid         not null references pre_notice (id),
    ordinal        integer      not null check (ordinal between 1 and 6),
    content_type   varchar(20)  not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes     integer      not null check (size_bytes between 1 and 2097152),
    sha256         varchar(64)  not null,
    content        bytea        not null,
    primary key (pre_notice_id, ordinal)
);

-- Every plate correction made in the office: old and new plate, reason, author, time.
create table pre_notice_plate_correction (
    id              bigint generated always as identity primary key,
    pre_notice_id   uuid         not null references pre_notice (id),
    old_plate       varchar(15)  not null,
    old_country     varchar(2)   not null,
    new_plate       varchar(15)  not null,
    new_country     varchar(2)   not null,
    reason          text         not null check (length(trim(reason)) > 0),
    corrected_by    varchar(64)  not null,
    corrected_at    timestamptz  not null
);
create index pre_notice_plate_correction_notice on pre_notice_plate_correction (pre_notice_id, id);

-- Blocks of consecutive verbale numbers taken from the command's gapless numbering
-- (verbale_number_sequence) in one transaction and reserved to a device. Every number of a block
-- is accounted for: outstanding, used by a pre-notice, or annulled with a reason when given back.
create table verbale_number_block (
    id                 bigint generated always as identity primary key,
    device_code        varchar(30)  not null,
    officer            varchar(64)  not null,
    prefix             varchar(10)  not null,
    year               integer      not null,
    first_progressive  bigint       not null check (first_progressive >= 1),
    last_progressive   bigint       not null,
    reserved_at        timestamptz  not null,
    returned_at        timestamptz,
    returned_by        varchar(64),
    return_reason      text,
    version            integer      not null default 0,
    check (last_progressive >= first_progressive and last_progressive - first_progressive < 100)
);
create index verbale_number_block_device on verbale_number_block (device_code, reserved_at desc);

create table verbale_block_number (
    block_id       bigint       not null references verbale_number_block (id),
    progressive    bigint       not null,
    number_text    varchar(60)  not null,
    status         varchar(12)  not null check (status in ('OUTSTANDING', 'USED', 'ANNULLED')),
    pre_notice_id  uuid         references pre_notice (id),
    reason         text,
    changed_by     varchar(64),
    changed_at     timestamptz,
    primary key (block_id, progressive),
    check (status <> 'USED' or pre_notice_id is not null),
    check (status <> 'ANNULLED' or reason is not null)
);
create index verbale_block_number_text on verbale_block_number (number_text);
