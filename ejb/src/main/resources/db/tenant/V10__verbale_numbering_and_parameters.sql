-- Command module, general parameters (SPEC CMD-4).
--
-- Verbale numbering: one row per prefix and year (year 0 when the annual reset is off). A number is
-- taken by one upsert that increments last_number in the caller's transaction: the row lock is held
-- until that transaction ends, so numbers are gapless (a rollback gives the number back) and never
-- duplicated, across cluster nodes too.
create table verbale_number_sequence (
    prefix      varchar(10) not null check (prefix ~ '^[A-Z0-9]{1,10}$'),
    year        integer     not null check (year = 0 or year between 1 and 9999),
    last_number bigint      not null check (last_number >= 0),
    primary key (prefix, year)
);

-- Every value a general parameter has had: the current value is the highest version; a parameter
-- without rows has its default (the legal term, or the product default).
create table command_parameter_version (
    name        varchar(60)  not null,
    version     integer      not null check (version >= 1),
    value       text         not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(100) not null,
    reference   text,
    primary key (name, version)
);
create index command_parameter_version_changed_at on command_parameter_version (changed_at desc);
