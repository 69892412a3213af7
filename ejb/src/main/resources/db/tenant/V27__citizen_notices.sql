-- Notices to registered citizens (issue 16 item 10): a citizen signed in with SPID registers the
-- plates the command knows as theirs, with a channel preference (Torino Art. 12); each act issued
-- for one of those plates afterwards is e-mailed to them once.
create table citizen_plate (
    id             bigint generated always as identity primary key,
    tax_code       varchar(16)  not null,
    plate          varchar(16)  not null,
    email          varchar(254) not null,
    channel        varchar(10)  not null check (channel in ('PEC', 'ORDINARY')),
    registered_at  timestamptz  not null,
    unique (tax_code, plate)
);
create index citizen_plate_plate on citizen_plate (plate);

create table citizen_notice (
    id           bigint generated always as identity primary key,
    verbale_id   bigint       not null references verbale (id),
    tax_code     varchar(16)  not null,
    email        varchar(254) not null,
    sent_at      timestamptz  not null,
    unique (verbale_id, tax_code)
);
