-- Citizen portal (issue 16): failed CF + PIN accesses counted per codice fiscale and per client
-- address, in the database so every node of the cluster sees the same counts and locks.
create table portal_throttle (
    throttle_key   varchar(80)  primary key,
    failures       integer      not null default 0,
    window_start   timestamptz  not null,
    locked_until   timestamptz
);

-- A citizen who lost the PIN asks for it again online; the office sends a new one by post or PEC.
create table portal_pin_request (
    id             bigint generated always as identity primary key,
    verbale_id     bigint       not null references verbale (id),
    requested_at   timestamptz  not null,
    channel        varchar(10)  not null check (channel in ('POST', 'PEC')),
    pec            varchar(254),
    client_address varchar(64),
    handled_at     timestamptz,
    handled_by     varchar(64)
);
create index portal_pin_request_open on portal_pin_request (handled_at, requested_at);

-- Citizens' payments started from the portal (pagoPA Checkout carts), so that the return page
-- knows which notice the citizen paid; the act's state still follows the receipt only.
create table portal_payment (
    id             bigint generated always as identity primary key,
    verbale_id     bigint       not null references verbale (id),
    iuv            varchar(35)  not null,
    amount_cents   bigint       not null,
    started_at     timestamptz  not null,
    checkout_url   text         not null
);
create index portal_payment_verbale on portal_payment (verbale_id, started_at desc);
