-- Vehicle owner data (issue 13 item 5, LIF-1/LIF-2): who owns a plate, as the vehicle registry
-- (PRA/MCTC) would tell it. The real registry is not reachable yet: the table is filled by hand or
-- by an owner-data file. Records are never changed nor deleted: each one holds from when it was
-- recorded, and the latest record of a plate wins (the earlier ones stay as its history).
create table vehicle_owner (
    id            bigint generated always as identity primary key,
    plate         varchar(16)  not null,
    country       varchar(3)   not null,
    owner_kind    varchar(10)  not null check (owner_kind in ('PERSON', 'COMPANY')),
    name          varchar(200) not null,
    tax_code      varchar(16)  not null,
    street        varchar(200) not null,
    postcode      varchar(5)   not null check (postcode ~ '^[0-9]{5}$'),
    municipality  varchar(100) not null,
    province      varchar(2)   not null check (province ~ '^[A-Z]{2}$'),
    pec           varchar(254),
    source        varchar(10)  not null check (source in ('MANUAL', 'FILE')),
    file_name     varchar(255),
    recorded_at   timestamptz  not null,
    recorded_by   varchar(100) not null,
    check ((owner_kind = 'PERSON' and length(tax_code) = 16)
        or (owner_kind = 'COMPANY' and tax_code ~ '^[0-9]{11}$'))
);
-- The latest record of a plate first (identity breaks ties within one file).
create index vehicle_owner_plate on vehicle_owner (plate, country, recorded_at desc, id desc);
