-- Devices module (SPEC DEV-1..10): mobile and fixed devices, their history, calibration
-- certificates, downloads of fixed devices, mobile credentials, the sync and access log, and the
-- alerts raised by the timers (PLT-4).
create table device (
    code                 varchar(30)  primary key,
    category             varchar(10)  not null check (category in ('MOBILE', 'FIXED')),
    status               varchar(20)  not null,
    description          varchar(200),
    identifier           varchar(64)  unique,
    model                varchar(200),
    app_version          varchar(200),
    assigned_officer     varchar(200),
    assigned_department  varchar(200),
    activation_date      date,
    last_sync_at         timestamptz,
    fixed_type           varchar(30),
    place_code           varchar(30)  references place (code),
    detection_category   varchar(200),
    technical_manager    varchar(200),
    manufacturer         varchar(200),
    download_frequency   varchar(10),
    output_format        varchar(10),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              integer      not null default 0,
    check (category = 'MOBILE' or (place_code is not null and fixed_type is not null
                                   and detection_category is not null))
);
create index device_place on device (place_code);

create table device_history (
    id           bigint generated always as identity primary key,
    device_code  varchar(30)  not null references device (code),
    at           timestamptz  not null,
    author       varchar(64)  not null,
    kind         varchar(20)  not null,
    old_value    text         not null,
    new_value    text         not null,
    reason       text         not null
);
create index device_history_device on device_history (device_code, at);

create table calibration_certificate (
    id             bigint generated always as identity primary key,
    device_code    varchar(30)  not null references device (code),
    number         varchar(100) not null,
    issuer         varchar(200) not null,
    calibrated_on  date         not null,
    valid_until    date         not null check (valid_until > calibrated_on),
    file_name      varchar(255) not null,
    file_sha256    char(64)     not null,
    content        bytea        not null,
    uploaded_at    timestamptz  not null,
    uploaded_by    varchar(64)  not null
);
create index calibration_certificate_device on calibration_certificate (device_code, valid_until desc);

create table device_download (
    id             bigint generated always as identity primary key,
    device_code    varchar(30)  not null references device (code),
    downloaded_at  timestamptz  not null,
    operator       varchar(200) not null check (length(trim(operator)) > 0),
    outcome        varchar(20)  not null,
    notes          text,
    file_name      varchar(255),
    file_sha256    char(64),
    registered_at  timestamptz  not null,
    registered_by  varchar(64)  not null
);
create index device_download_device on device_download (device_code, downloaded_at desc);

-- Activation codes and credentials of mobile devices: only SHA-256 hashes are stored.
create table device_credential (
    id                  bigint generated always as identity primary key,
    device_code         varchar(30)  not null references device (code),
    kind                varchar(12)  not null check (kind in ('ACTIVATION', 'CREDENTIAL')),
    secret_hash         char(64)     not null unique,
    issued_at           timestamptz  not null,
    issued_by           varchar(64)  not null,
    expires_at          timestamptz  not null,
    used_at             timestamptz,
    revoked_at          timestamptz,
    revoked_by          varchar(64)
);
create index device_credential_device on device_credential (device_code, kind);

-- Every sync session and every refused attempt of the mobile API (DEV-4, DEV-7).
create table device_access (
    id            bigint generated always as identity primary key,
    device_code   varchar(30),
    presented_id  varchar(64),
    username      varchar(64),
    at            timestamptz  not null,
    operation     varchar(20)  not null,
    outcome       varchar(10)  not null check (outcome in ('OK', 'REFUSED')),
    records       integer      not null default 0,
    bytes         bigint       not null default 0,
    anomalies     text
);
create index device_access_device on device_access (device_code, at desc);
create index device_access_at on device_access (at desc);

-- In-app alerts; the dedupe key makes each alert (e.g. one certificate and threshold) raised once.
create table device_alert (
    id               bigint generated always as identity primary key,
    dedupe_key       varchar(200) not null unique,
    kind             varchar(30)  not null,
    device_code      varchar(30),
    message          text         not null,
    raised_at        timestamptz  not null,
    emailed_at       timestamptz,
    email_attempts   integer      not null default 0,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(64)
);
create index device_alert_open on device_alert (acknowledged_at, raised_at desc);
