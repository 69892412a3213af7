-- An upgrade shipped by a later deployment (StartupMigrationIT). It breaks on purpose for the
-- tenant whose slug contains "broken", to show that one failing tenant does not stop the others.
alter table command_setting add column it_upgraded boolean not null default true;
do $$
begin
  if current_schema() like '%broken%' then
    raise exception 'simulated failure of the upgrade for %', current_schema();
  end if;
end $$;
