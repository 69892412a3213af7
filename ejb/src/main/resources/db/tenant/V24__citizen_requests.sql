-- Citizen requests from the portal (issue 16 items 4, 6, 7): appeals to the Prefetto and the
-- Giudice di Pace, self-protection requests, driver identification and communications to the
-- command, with their attachments and every step of their workflow.
create table citizen_request (
    id               bigint generated always as identity primary key,
    verbale_id       bigint        not null references verbale (id),
    kind             varchar(30)   not null,
    status           varchar(30)   not null,
    tax_code         varchar(16)   not null,
    contact_email    varchar(254),
    body             text          not null,
    resident_abroad  boolean       not null default false,
    driver           text,
    submitted_at     timestamptz   not null,
    updated_at       timestamptz   not null,
    idempotency_key  varchar(80)   not null unique
);
create index citizen_request_verbale on citizen_request (verbale_id, submitted_at desc);
create index citizen_request_status on citizen_request (status, submitted_at);

create table citizen_request_attachment (
    id           bigint generated always as identity primary key,
    request_id   bigint        not null references citizen_request (id),
    file_name    varchar(120)  not null,
    media_type   varchar(40)   not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    content      bytea         not null
);
create index citizen_request_attachment_request on citizen_request_attachment (request_id);

create table citizen_request_event (
    id           bigint generated always as identity primary key,
    request_id   bigint        not null references citizen_request (id),
    at           timestamptz   not null,
    from_status  varchar(30),
    to_status    varchar(30)   not null,
    by_whom      varchar(64)   not null,
    reason       text,
    mailed       boolean       not null default false
);
create index citizen_request_event_request on citizen_request_event (request_id, at);
