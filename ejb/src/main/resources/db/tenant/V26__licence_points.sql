-- Licence points deducted after a driver identification (art. 126-bis CdS), kept for the national
-- registry of driving licences: the registry is not reachable from this service, so each deduction
-- is recorded here, where the office's export (or a future adapter) takes it from.
create table licence_points_communication (
    id               bigint generated always as identity primary key,
    verbale_id       bigint        not null references verbale (id),
    request_id       bigint        not null unique references citizen_request (id),
    driver_tax_code  varchar(16)   not null,
    driver_name      varchar(200)  not null,
    licence_number   varchar(20)   not null,
    licence_category varchar(5)    not null,
    points           integer       not null,
    doubled          boolean       not null,
    violation_day    date          not null,
    recorded_at      timestamptz   not null,
    recorded_by      varchar(64)   not null
);
