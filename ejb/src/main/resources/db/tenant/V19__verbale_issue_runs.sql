-- Bulk issue of verbali (issue 14 item 6): a selection of validated violations issued by the
-- Jakarta Batch job "verbali-issue", with its progress and a per-item outcome. Each item is issued
-- in its own transaction; the act's unique source key makes a restarted run issue nothing twice.
create table verbale_issue_run (
    id              bigint generated always as identity primary key,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    channel         varchar(10)  check (channel in ('POST', 'PEC', 'SEND', 'ABROAD')),
    status          varchar(12)  not null check (status in ('QUEUED', 'RUNNING', 'STOPPED', 'COMPLETED', 'FAILED')),
    items_total     integer      not null check (items_total > 0),
    items_done      integer      not null default 0,
    items_issued    integer      not null default 0,
    items_refused   integer      not null default 0,
    execution_id    bigint,
    finished_at     timestamptz,
    message         text
);

create table verbale_issue_item (
    run_id          bigint       not null references verbale_issue_run (id),
    position        integer      not null,
    source_kind     varchar(10)  not null check (source_kind in ('DETECTION', 'PRE_NOTICE')),
    source_id       varchar(40)  not null,
    outcome         varchar(10)  check (outcome in ('ISSUED', 'REFUSED')),
    verbale_number  varchar(60),
    reason          text,
    primary key (run_id, position)
);
