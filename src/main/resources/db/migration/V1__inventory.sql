-- vnetdesk inventory, first schema.
-- Networks and address ranges keep their OpenNebula attributes as a JSON
-- object (BODY) next to the columns that queries need; leases store only the
-- used index of their AR (addresses are computed from the AR).

CREATE TABLE ID_SEQUENCE (
    KIND      VARCHAR(32) PRIMARY KEY,
    NEXT_ID   INT NOT NULL
);

CREATE TABLE USER_GROUP (
    ID        INT PRIMARY KEY,
    NAME      VARCHAR(128) NOT NULL UNIQUE
);

CREATE TABLE USER_ACCOUNT (
    ID        INT PRIMARY KEY,
    NAME      VARCHAR(128) NOT NULL UNIQUE,
    GID       INT NOT NULL REFERENCES USER_GROUP(ID)
);

CREATE TABLE CLUSTER (
    ID        INT PRIMARY KEY,
    NAME      VARCHAR(128) NOT NULL UNIQUE
);

CREATE TABLE NETWORK (
    ID               INT PRIMARY KEY,
    NAME             VARCHAR(128) NOT NULL,
    UID              INT NOT NULL,
    GID              INT NOT NULL,
    PERMS            INT NOT NULL,
    BRIDGE           VARCHAR(15) NOT NULL,
    BRIDGE_GENERATED BOOLEAN NOT NULL,
    VLAN_ID          INT,
    LOCK_LEVEL       VARCHAR(8),
    PARENT_ID        INT REFERENCES NETWORK(ID),
    NEXT_AR_ID       INT NOT NULL,
    VERSION          BIGINT NOT NULL,
    BODY             CLOB NOT NULL,
    CONSTRAINT NETWORK_NAME_PER_OWNER UNIQUE (UID, NAME)
);

CREATE TABLE ADDRESS_RANGE (
    NETWORK_ID  INT NOT NULL REFERENCES NETWORK(ID) ON DELETE CASCADE,
    AR_ID       INT NOT NULL,
    TYPE        VARCHAR(16) NOT NULL,
    USED        BIGINT NOT NULL,
    RR_CURSOR   NUMERIC(20, 0),
    VERSION     BIGINT NOT NULL,
    BODY        CLOB NOT NULL,
    PRIMARY KEY (NETWORK_ID, AR_ID)
);

-- OWNER_KIND: V = VM NIC (OWNER_ID = VM id, NIC = NIC index), H = hold,
-- N = reservation (OWNER_ID = child network id).
CREATE TABLE LEASE (
    NETWORK_ID  INT NOT NULL,
    AR_ID       INT NOT NULL,
    IDX         NUMERIC(20, 0) NOT NULL,
    OWNER_KIND  CHAR(1) NOT NULL,
    OWNER_ID    INT,
    NIC         INT,
    PRIMARY KEY (NETWORK_ID, AR_ID, IDX),
    FOREIGN KEY (NETWORK_ID, AR_ID) REFERENCES ADDRESS_RANGE(NETWORK_ID, AR_ID) ON DELETE CASCADE,
    CONSTRAINT LEASE_OWNER_KIND CHECK (OWNER_KIND IN ('V', 'H', 'N'))
);
CREATE INDEX LEASE_OWNER ON LEASE(OWNER_KIND, OWNER_ID);

INSERT INTO USER_GROUP (ID, NAME) VALUES (0, 'oneadmin'), (1, 'users');
INSERT INTO USER_ACCOUNT (ID, NAME, GID) VALUES (0, 'oneadmin', 0);
INSERT INTO CLUSTER (ID, NAME) VALUES (0, 'default');
INSERT INTO ID_SEQUENCE (KIND, NEXT_ID) VALUES ('NETWORK', 0), ('USER', 1), ('GROUP', 100), ('CLUSTER', 100);

-- Bumped whenever networks or address ranges change shape, so a process can
-- tell whether its cached address-range catalogue is still current.
CREATE TABLE INVENTORY_META (
    NAME   VARCHAR(32) PRIMARY KEY,
    META_VALUE BIGINT NOT NULL
);
INSERT INTO INVENTORY_META (NAME, META_VALUE) VALUES ('AR_GENERATION', 0);
