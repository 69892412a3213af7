-- Per-tenant integration credentials (SPEC CMD-6, PLT-6): one row per configured integration with
-- its non-secret settings as a JSON object, and one row per secret field, encrypted with
-- AES-256-GCM (key version, 12-byte nonce, ciphertext with tag). No secret is ever stored in clear.
create table integration_credential (
    kind              varchar(20)  primary key
                      check (kind in ('PAGOPA', 'SEND', 'PEC_SMTP', 'PROTOCOL', 'GIS')),
    settings          text         not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    last_test_at      timestamptz,
    last_test_ok      boolean,
    last_test_message varchar(500)
);

create table integration_secret (
    id          bigint generated always as identity primary key,
    kind        varchar(20)  not null references integration_credential (kind),
    field       varchar(40)  not null,
    key_version integer      not null check (key_version > 0),
    iv          bytea        not null check (length(iv) = 12),
    ciphertext  bytea        not null,
    set_at      timestamptz  not null,
    set_by      varchar(100) not null,
    unique (kind, field)
);
