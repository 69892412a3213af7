-- Rental and leasing companies name drivers in bulk from a CSV (issue 16 item 6): each accepted
-- file once per company (its SHA-256), and which request each of its rows became. A refused file
-- leaves nothing here.
create table company_driver_upload (
    id                bigint generated always as identity primary key,
    company_tax_code  varchar(16)   not null,
    sha256            varchar(64)   not null,
    file_name         varchar(200)  not null,
    size_bytes        integer       not null,
    rows_count        integer       not null,
    uploaded_by       varchar(120)  not null,
    uploaded_at       timestamptz   not null,
    unique (company_tax_code, sha256)
);

create table company_driver_upload_row (
    upload_id    bigint   not null references company_driver_upload (id),
    row_number   integer  not null,
    request_id   bigint   not null unique references citizen_request (id),
    primary key (upload_id, row_number)
);
