-- Camera files (SPEC LIF-1, DEV-5; issue 13 items 3-4): a file of a fixed device is imported by a
-- Jakarta Batch job into a staging area, row by row with checkpoints, then published at once as
-- detections, or not at all when any row is wrong (the per-row report stays).
create table camera_import (
    id                bigint generated always as identity primary key,
    device_code       varchar(40)  not null,
    file_name         varchar(255) not null,
    file_format       varchar(10)  not null check (file_format in ('CSV', 'JSON', 'XML', 'EXCEL')),
    file_sha256       char(64)     not null,
    photos_file_name  varchar(255),
    operator          varchar(200) not null,
    service_note      text,
    status            varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'STOPPED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    rows_total        integer      not null,
    rows_processed    integer      not null default 0,
    rows_refused      integer      not null default 0,
    rows_violations   integer      not null default 0,
    rows_no_violation integer      not null default 0,
    job_execution_id  bigint,
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    finished_at       timestamptz,
    outcome_message   text
);
-- The same file twice is refused, unless the first import was cancelled.
create unique index camera_import_file_once on camera_import (file_sha256) where status <> 'CANCELLED';
create index camera_import_device on camera_import (device_code, created_at);

-- The uploaded bytes, apart so that progress polling never loads them.
create table camera_import_file (
    import_id bigint primary key references camera_import (id),
    content   bytea not null,
    photos    bytea
);

-- Staging: one row per row of the file, written in chunks; (import, row) once, so a job restarted
-- from its last checkpoint never stages a row twice.
create table camera_import_row (
    import_id          bigint      not null references camera_import (id),
    row_number         integer     not null,
    plate              varchar(16),
    country            varchar(3),
    vehicle_type       varchar(40),
    detected_at        timestamp,
    measured_speed     numeric(6,2),
    speed_limit        integer,
    photos             text,
    outcome            varchar(16) not null check (outcome in ('VIOLATION', 'NO_VIOLATION', 'REFUSED')),
    article_code       varchar(40),
    article_valid_from date,
    decided_rule       text,
    errors             text,
    primary key (import_id, row_number)
);

create table detection (
    id                 bigint generated always as identity primary key,
    import_id          bigint       not null references camera_import (id),
    row_number         integer      not null,
    device_code        varchar(40)  not null,
    place_code         varchar(40)  not null,
    detected_at        timestamp    not null,
    plate              varchar(16)  not null,
    country            varchar(3)   not null,
    vehicle_type       varchar(40),
    measured_speed     numeric(6,2),
    speed_limit        integer,
    article_code       varchar(40)  not null,
    article_valid_from date         not null,
    decided_rule       text         not null,
    photos             text,
    status             varchar(16)  not null default 'TO_REVIEW' check (status in ('TO_REVIEW', 'VALIDATED', 'ARCHIVED')),
    status_reason      text,
    reviewed_by        varchar(100),
    reviewed_at        timestamptz,
    unique (import_id, row_number)
);
create index detection_device_time on detection (device_code, detected_at);
create index detection_place_time on detection (place_code, detected_at);
create index detection_status on detection (status, detected_at);

create table detection_plate_correction (
    id           bigint generated always as identity primary key,
    detection_id bigint       not null references detection (id),
    old_plate    varchar(16)  not null,
    new_plate    varchar(16)  not null,
    reason       text         not null,
    author       varchar(100) not null,
    at           timestamptz  not null
);
