-- Accounts: admins, resellers and customers. A customer belongs to a reseller or, without one, to the host.
CREATE TABLE app_user (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    full_name       VARCHAR(200) NOT NULL DEFAULT '',
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'RESELLER', 'CUSTOMER')),
    reseller_id     BIGINT REFERENCES app_user (id),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    -- what a reseller may sell, summed over its customers' partitions
    alloc_partitions INTEGER,
    alloc_cpus       INTEGER,
    alloc_memory     BIGINT,
    alloc_disk       BIGINT,
    alloc_ipv4       INTEGER,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (reseller_id IS NULL OR role = 'CUSTOMER'),
    CHECK ((role = 'RESELLER') = (alloc_partitions IS NOT NULL))
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));
CREATE INDEX app_user_reseller ON app_user (reseller_id);

CREATE TABLE ssh_key (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name        VARCHAR(100) NOT NULL,
    public_key  TEXT         NOT NULL,
    fingerprint VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (user_id, fingerprint)
);

-- Failed logins per user name and per client address, for throttling; shared by every panel instance.
CREATE TABLE login_failure (
    key          VARCHAR(300) PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL
);

CREATE TABLE audit_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor          VARCHAR(64)  NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    object_type    VARCHAR(32)  NOT NULL,
    object_id      VARCHAR(64),
    detail         TEXT         NOT NULL DEFAULT '',
    remote_address VARCHAR(64)
);
CREATE INDEX audit_event_at ON audit_event (at DESC);

CREATE TABLE node (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              VARCHAR(63)   NOT NULL UNIQUE,
    address           VARCHAR(255)  NOT NULL,
    cores             INTEGER       NOT NULL CHECK (cores > 0),
    memory            BIGINT        NOT NULL CHECK (memory > 0),
    disk              BIGINT        NOT NULL CHECK (disk > 0),
    cpu_overcommit    NUMERIC(5, 2) NOT NULL CHECK (cpu_overcommit >= 1),
    memory_overcommit NUMERIC(5, 2) NOT NULL CHECK (memory_overcommit >= 1),
    disk_overcommit   NUMERIC(5, 2) NOT NULL CHECK (disk_overcommit >= 1),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version           BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE ip_pool (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        VARCHAR(63) NOT NULL UNIQUE,
    node_id     BIGINT      NOT NULL REFERENCES node (id),
    cidr        CIDR        NOT NULL,
    gateway     INET        NOT NULL,
    range_start INET        NOT NULL,
    range_end   INET        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (gateway << cidr AND range_start << cidr AND range_end << cidr AND range_start <= range_end)
);

CREATE TABLE os_template (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(63) NOT NULL UNIQUE,
    kind       VARCHAR(32) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A plan is global (owner NULL, made by an admin) or a reseller's own.
CREATE TABLE plan (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              VARCHAR(63) NOT NULL,
    owner_id          BIGINT REFERENCES app_user (id),
    resources         JSONB       NOT NULL,
    over_quota_action VARCHAR(16) NOT NULL CHECK (over_quota_action IN ('THROTTLE', 'SUSPEND')),
    over_quota_rate   BIGINT      NOT NULL CHECK (over_quota_rate >= 0),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX plan_name ON plan (coalesce(owner_id, 0), lower(name));

CREATE TABLE partition (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hostname    VARCHAR(253) NOT NULL,
    customer_id BIGINT       NOT NULL REFERENCES app_user (id),
    -- the customer's reseller (NULL: a customer of the host), kept here for tenant scoping and allocation sums
    reseller_id BIGINT       REFERENCES app_user (id),
    plan_id     BIGINT       NOT NULL REFERENCES plan (id),
    node_id     BIGINT       NOT NULL REFERENCES node (id),
    template_id BIGINT       NOT NULL REFERENCES os_template (id),
    -- the plan's values at creation with any admin overrides: what the partition really gets
    resources   JSONB        NOT NULL,
    state       VARCHAR(16)  NOT NULL CHECK (state IN ('CREATING', 'STOPPED', 'RUNNING', 'SUSPENDED',
                                                        'MIGRATING', 'FAILED', 'DESTROYED')),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX partition_customer ON partition (customer_id);
CREATE INDEX partition_reseller ON partition (reseller_id);
CREATE INDEX partition_hostname ON partition (lower(hostname));
CREATE INDEX partition_node ON partition (node_id);

CREATE TABLE ip_allocation (
    address      INET   PRIMARY KEY,
    pool_id      BIGINT NOT NULL REFERENCES ip_pool (id),
    partition_id BIGINT NOT NULL REFERENCES partition (id)
);
CREATE INDEX ip_allocation_partition ON ip_allocation (partition_id);

-- The templates the host agent can build.
INSERT INTO os_template (name, kind) VALUES ('busybox', 'busybox'), ('debian-12', 'debian-12');
