-- Hosts, VMs and their NICs. Clusters exist since V1 (cluster 0 "default");
-- a network's clusters stay in its BODY (CLUSTER_IDS), a host has one cluster.
-- Hosts and clusters have no owner (OpenNebula: only oneadmin, or an ACL
-- grant, manages them). A VM is owned like a network; its user template
-- attributes are its BODY (JSON). A NIC's lease is the LEASE row owned by
-- the NIC (OWNER_KIND 'V', OWNER_ID = VM_ID, NIC = NIC_ID), referenced here
-- so that no lease can go while its NIC exists; a NIC that waits for
-- automatic network selection has no lease yet.

CREATE TABLE HOST (
    ID          INT PRIMARY KEY,
    NAME        VARCHAR(128) NOT NULL UNIQUE,
    CLUSTER_ID  INT NOT NULL REFERENCES CLUSTER(ID),
    ADDRESS     VARCHAR(255) NOT NULL,
    VERSION     BIGINT NOT NULL,
    BODY        CLOB NOT NULL
);

CREATE TABLE VM (
    ID          INT PRIMARY KEY,
    NAME        VARCHAR(128) NOT NULL,
    UID         INT NOT NULL,
    GID         INT NOT NULL,
    PERMS       INT NOT NULL,
    LOCK_LEVEL  VARCHAR(8),
    STATE       VARCHAR(12) NOT NULL,
    HOST_ID     INT REFERENCES HOST(ID),
    VERSION     BIGINT NOT NULL,
    BODY        CLOB NOT NULL,
    CONSTRAINT VM_STATE CHECK (STATE IN ('PENDING', 'HOLD', 'RUNNING', 'STOPPED', 'SUSPENDED', 'DONE', 'POWEROFF',
                                         'UNDEPLOYED'))
);
CREATE INDEX VM_HOST ON VM(HOST_ID);

CREATE TABLE NIC (
    VM_ID       INT NOT NULL REFERENCES VM(ID) ON DELETE CASCADE,
    NIC_ID      INT NOT NULL,
    NETWORK_ID  INT,
    AR_ID       INT,
    IDX         NUMERIC(20, 0),
    BODY        CLOB NOT NULL,
    PRIMARY KEY (VM_ID, NIC_ID),
    FOREIGN KEY (NETWORK_ID, AR_ID, IDX) REFERENCES LEASE(NETWORK_ID, AR_ID, IDX),
    CONSTRAINT NIC_LEASE_WHOLE CHECK ((NETWORK_ID IS NULL AND AR_ID IS NULL AND IDX IS NULL)
                                      OR (NETWORK_ID IS NOT NULL AND AR_ID IS NOT NULL AND IDX IS NOT NULL))
);
CREATE INDEX NIC_NETWORK ON NIC(NETWORK_ID);

INSERT INTO ID_SEQUENCE (KIND, NEXT_ID) VALUES ('HOST', 0), ('VM', 0);
