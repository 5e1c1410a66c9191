-- How the panel reaches each node's host agent, and what it last heard from it.
ALTER TABLE node ADD COLUMN agent_url VARCHAR(500);
ALTER TABLE node ADD COLUMN maintenance BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE node ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE node ADD COLUMN last_error TEXT;
ALTER TABLE node ADD COLUMN agent_info JSONB NOT NULL DEFAULT '{}';

-- Every host operation on a partition, one at a time per partition, as its users see it. db-scheduler
-- (scheduled_tasks) runs them, retries them and notices executions whose panel instance died.
CREATE TABLE partition_job (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partition_id BIGINT       NOT NULL REFERENCES partition (id),
    kind         VARCHAR(32)  NOT NULL,
    state        VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    params       JSONB        NOT NULL DEFAULT '{}',
    attempts     INTEGER      NOT NULL DEFAULT 0,
    message      TEXT         NOT NULL DEFAULT '',
    requested_by VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX partition_job_partition ON partition_job (partition_id, id);
CREATE INDEX partition_job_unfinished ON partition_job (state) WHERE state IN ('QUEUED', 'RUNNING');

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
