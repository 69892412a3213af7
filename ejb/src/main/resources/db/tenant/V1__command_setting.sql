-- Settings of a police command (key/value), the first table of every tenant schema.
-- The Command module (SPEC CMD-*) builds its registry on top of it.
create table command_setting (
    setting_key   varchar(100) primary key,
    setting_value text         not null,
    updated_at    timestamptz  not null default now()
);
