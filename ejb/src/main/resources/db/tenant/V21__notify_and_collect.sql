-- Notify and collect (issue 15, SPEC LIF-3, LIF-4, CMD-6): the transactional outbox of the
-- lifecycle, the budget-chapter split frozen with each act, the notifications (SEND, PEC, post)
-- with their timeline and legal facts, and the pagoPA debt positions with the receipts.

-- sanctions: the outbox. A message is written in the transaction that changes the act and is sent
-- by the dispatcher afterwards; `dedup_key` makes a second request for the same work a no-op.
create table outbox_message (
    id               bigint generated always as identity primary key,
    topic            varchar(40)  not null,
    verbale_id       bigint       references verbale (id),
    payload          text,
    dedup_key        varchar(200) not null unique,
    status           varchar(10)  not null check (status in ('PENDING', 'DONE', 'DEAD')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created_at       timestamptz  not null,
    done_at          timestamptz
);
create index outbox_message_due on outbox_message (next_attempt_at) where status = 'PENDING';
create index outbox_message_dead on outbox_message (created_at) where status = 'DEAD';

-- sanctions: one circuit per outside service of this command (a failing service of one command
-- does not stop the others'); shared by the nodes through the database.
create table outbox_circuit (
    service              varchar(20) primary key,
    consecutive_failures integer     not null,
    open_until           timestamptz
);

-- sanctions: how the act's sanction is split over the command's revenue chapters, frozen at issue.
create table verbale_split (
    verbale_id    bigint       not null references verbale (id),
    chapter_code  varchar(30)  not null,
    percentage    numeric(5,2) not null check (percentage > 0 and percentage <= 100),
    primary key (verbale_id, chapter_code)
);

-- notifications: one row per attempt to notify an act (a refused SEND request may be followed by
-- another channel); the idempotence token is stable across retries of the same attempt.
create table notification (
    id                 bigint generated always as identity primary key,
    verbale_id         bigint       not null references verbale (id),
    attempt            integer      not null,
    channel            varchar(10)  not null check (channel in ('SEND', 'PEC', 'POST', 'ABROAD')),
    status             varchar(20)  not null,
    idempotence_token  varchar(64)  not null,
    request_id         varchar(100),
    iun                varchar(40),
    digital_domicile   varchar(254),
    refusal            text,
    perfected_on       date,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    unique (verbale_id, attempt)
);
create index notification_status on notification (status);
create unique index notification_iun on notification (iun) where iun is not null;

create table notification_event (
    id               bigint generated always as identity primary key,
    notification_id  bigint       not null references notification (id),
    at               timestamptz  not null,
    status           varchar(20)  not null,
    category         varchar(60),
    detail           text,
    source_event_id  varchar(100) unique
);
create index notification_event_notification on notification_event (notification_id, at);

create table notification_legal_fact (
    id               bigint generated always as identity primary key,
    notification_id  bigint       not null references notification (id),
    legal_fact_id    varchar(200) not null,
    category         varchar(60)  not null,
    file_name        varchar(200) not null,
    content          bytea        not null,
    sha256           varchar(64)  not null,
    downloaded_at    timestamptz  not null,
    unique (notification_id, legal_fact_id)
);

-- notifications: where this command reads SEND's progress (its stream and the last event read).
create table send_progress (
    id             integer      primary key check (id = 1),
    stream_id      varchar(60)  not null,
    last_event_id  varchar(100),
    retry_after    timestamptz
);

-- payments: the act's debt position on pagoPA GPD (one per act, IUPD = tenant-unique).
create table debt_position (
    verbale_id    bigint       primary key references verbale (id),
    iupd          varchar(60)  not null unique,
    status        varchar(20)  not null check (status in ('PUBLISHED', 'INVALID')),
    due_dates     text,
    published_at  timestamptz  not null,
    updated_at    timestamptz  not null
);

-- payments: every receipt received, applied once (receipt id), with what reconciliation made of it.
create table payment_receipt (
    id              bigint generated always as identity primary key,
    receipt_id      varchar(100) not null unique,
    iuv             varchar(35)  not null,
    notice_code     varchar(18),
    creditor_tax_code varchar(16) not null,
    verbale_id      bigint       references verbale (id),
    window_type     varchar(20),
    amount          numeric(10,2) not null check (amount > 0),
    paid_at         timestamptz  not null,
    payer_name      varchar(200),
    payer_tax_code  varchar(16),
    payer_email     varchar(254),
    psp             varchar(200),
    source          varchar(10)  not null check (source in ('PUSH', 'POLL')),
    received_at     timestamptz  not null,
    outcome         varchar(20)  not null,
    residual        numeric(10,2),
    excess          numeric(10,2),
    note            text,
    mailed_at       timestamptz,
    resolved_at     timestamptz,
    resolved_by     varchar(100)
);
create index payment_receipt_verbale on payment_receipt (verbale_id);
create index payment_receipt_outcome on payment_receipt (outcome, received_at desc);

-- payments: when this command last read the receipts API.
create table receipt_poll (
    id            integer     primary key check (id = 1),
    last_paid_at  timestamptz not null
);
