-- Issue 13: an import whose server died keeps its status RUNNING. The job writes a heartbeat with
-- every chunk it stages; an import in progress that has been silent for long is shown as
-- interrupted and can be resumed from its last checkpoint or cancelled.
alter table camera_import add column heartbeat_at timestamptz;
update camera_import set heartbeat_at = coalesce(finished_at, created_at);
