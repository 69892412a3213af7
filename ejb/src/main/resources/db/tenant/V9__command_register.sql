-- Command module (SPEC CMD-4, CMD-7): the configuration register of every change made in the
-- Command module (seed 001 §11.4 "registro delle configurazioni di comando"), and the accounting
-- batches / protocol runs during which the configuration may not change.
create table config_change (
    id          bigint generated always as identity primary key,
    at          timestamptz  not null,
    author      varchar(100) not null,
    category    varchar(20)  not null,
    item        varchar(200) not null,
    old_value   text,
    new_value   text,
    reference   text
);
create index config_change_at on config_change (at desc);

create table command_run (
    id          bigint generated always as identity primary key,
    kind        varchar(20)  not null check (kind in ('ACCOUNTING_BATCH', 'PROTOCOL_RUN')),
    description varchar(200) not null,
    started_at  timestamptz  not null,
    started_by  varchar(100) not null,
    finished_at timestamptz
);
-- At most one active run of each kind.
create unique index command_run_one_active on command_run (kind) where finished_at is null;
