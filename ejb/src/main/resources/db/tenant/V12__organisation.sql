-- Command module, Organisation (SPEC CMD-5; seed 001 §11.4 "Struttura organizzativa"): departments
-- and operating units, territorial zones of competence, functional roles, staff assignments and
-- standard shifts. Nothing is deleted: departments, zones, roles and shifts are deactivated, and
-- assignments end on a day.

create table org_department (
    code          varchar(20)  primary key check (code ~ '^[A-Z0-9_]{2,20}$'),
    name          varchar(100) not null,
    kind          varchar(12)  not null check (kind in ('DEPARTMENT', 'UNIT')),
    parent_code   varchar(20)  references org_department (code),
    head_username varchar(64),
    active        boolean      not null default true,
    version       integer      not null default 0,
    -- units sit under a department, departments under nothing (one level)
    check ((kind = 'UNIT') = (parent_code is not null))
);
create unique index org_department_name on org_department (lower(name));

-- The department staff users already carry in the Permissions module (StaffDirectory
-- WHOLE_COMMAND_DEPARTMENT): the command as a whole.
insert into org_department (code, name, kind) values ('COMANDO', 'Comando', 'DEPARTMENT');

create table org_zone (
    code        varchar(20)  primary key check (code ~ '^[A-Z0-9_]{2,20}$'),
    name        varchar(100) not null,
    description text,
    active      boolean      not null default true,
    version     integer      not null default 0
);
create unique index org_zone_name on org_zone (lower(name));

create table org_zone_department (
    zone_code       varchar(20) not null references org_zone (code),
    department_code varchar(20) not null references org_department (code),
    primary key (zone_code, department_code)
);

-- The free-text zones of the coded places (place_version.zone) a territorial zone covers.
create table org_zone_place_zone (
    zone_code  varchar(20)  not null references org_zone (code),
    place_zone varchar(100) not null,
    primary key (zone_code, place_zone)
);

create table org_functional_role (
    name        varchar(60) primary key,
    description varchar(500),
    active      boolean     not null default true,
    version     integer     not null default 0
);
create unique index org_functional_role_name on org_functional_role (lower(name));

create table org_assignment (
    id              bigint generated always as identity primary key,
    username        varchar(64) not null references staff_user (username),
    department_code varchar(20) not null references org_department (code),
    functional_role varchar(60) not null references org_functional_role (name),
    valid_from      date        not null,
    valid_to        date,
    version         integer     not null default 0,
    check (valid_to is null or valid_to >= valid_from)
);
create index org_assignment_username on org_assignment (username);
create index org_assignment_department on org_assignment (department_code);

create table org_shift (
    code            varchar(20)  primary key check (code ~ '^[A-Z0-9_]{2,20}$'),
    name            varchar(100) not null,
    start_time      time         not null,
    end_time        time         not null check (end_time <> start_time),
    weekdays        varchar(20)  not null, -- ISO day numbers, e.g. '1,2,3,4,5'
    department_code varchar(20)  not null references org_department (code),
    active          boolean      not null default true,
    version         integer      not null default 0
);
create index org_shift_department on org_shift (department_code);
