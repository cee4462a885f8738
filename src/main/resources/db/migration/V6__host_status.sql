-- What the console knows about each host between connections, one row per
-- host once the engine has reached (or failed to reach) it; the row goes
-- with its host.
-- Contact: when the engine last tried the host, whether it got a session as
-- root, and the message when not.
-- Probe: when the host was last probed, and what the probe found as the JSON
-- of the service's ProbeReport (features, tools, drivers and their reasons).
-- Drift: when the host was last compared with its desired state, the outcome
-- (IN_SYNC, CHANGES, BLOCKED, UNREACHABLE), and the differences in words as
-- a JSON array of strings.
-- Devices: the names of the devices the host was known to have (a JSON array)
-- and when: read by a plan, or verified by the read-back of a successful
-- apply. Kept when a later check could not read the host.

CREATE TABLE HOST_STATUS (
    HOST_ID          INT PRIMARY KEY REFERENCES HOST(ID) ON DELETE CASCADE,
    CONTACTED        TIMESTAMP(9) WITH TIME ZONE,
    REACHABLE        BOOLEAN,
    CONTACT_MESSAGE  VARCHAR(4000),
    PROBED           TIMESTAMP(9) WITH TIME ZONE,
    PROBE            CLOB,
    DRIFT_CHECKED    TIMESTAMP(9) WITH TIME ZONE,
    DRIFT            VARCHAR(12),
    DIFFERENCES      CLOB,
    DEVICES_READ     TIMESTAMP(9) WITH TIME ZONE,
    DEVICES          CLOB,
    CONSTRAINT HOST_STATUS_CONTACT CHECK ((CONTACTED IS NULL) = (REACHABLE IS NULL)),
    CONSTRAINT HOST_STATUS_PROBE CHECK ((PROBED IS NULL) = (PROBE IS NULL)),
    CONSTRAINT HOST_STATUS_DRIFT CHECK ((DRIFT_CHECKED IS NULL) = (DRIFT IS NULL)
                                       AND (DRIFT IS NULL) = (DIFFERENCES IS NULL)),
    CONSTRAINT HOST_STATUS_DEVICES CHECK ((DEVICES_READ IS NULL) = (DEVICES IS NULL)),
    CONSTRAINT HOST_STATUS_DRIFT_VALUE CHECK (DRIFT IN ('IN_SYNC', 'CHANGES', 'BLOCKED', 'UNREACHABLE'))
);
