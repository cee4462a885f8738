-- Security groups, network templates and ACL rules.
-- Security groups and network templates share one shape: identity and
-- ownership columns, an optional lock, an optimistic-locking version, and a
-- BODY (the group's description and rules as JSON; the template's text).

CREATE TABLE SECURITY_GROUP (
    ID          INT PRIMARY KEY,
    NAME        VARCHAR(128) NOT NULL,
    UID         INT NOT NULL,
    GID         INT NOT NULL,
    PERMS       INT NOT NULL,
    LOCK_LEVEL  VARCHAR(8),
    VERSION     BIGINT NOT NULL,
    BODY        CLOB NOT NULL,
    CONSTRAINT SECURITY_GROUP_NAME_PER_OWNER UNIQUE (UID, NAME)
);

-- Propagation state of a group's rules to the host firewall of one VM.
-- A VM with a NIC in the group and no row here has never been applied
-- (shown as outdated).
CREATE TABLE SECURITY_GROUP_VM (
    SG_ID    INT NOT NULL REFERENCES SECURITY_GROUP(ID) ON DELETE CASCADE,
    VM_ID    INT NOT NULL,
    STATE    VARCHAR(10) NOT NULL,
    ERROR    VARCHAR(4000),
    PRIMARY KEY (SG_ID, VM_ID),
    CONSTRAINT SECURITY_GROUP_VM_STATE CHECK (STATE IN ('UPDATED', 'OUTDATED', 'UPDATING', 'ERROR'))
);

CREATE TABLE NETWORK_TEMPLATE (
    ID          INT PRIMARY KEY,
    NAME        VARCHAR(128) NOT NULL,
    UID         INT NOT NULL,
    GID         INT NOT NULL,
    PERMS       INT NOT NULL,
    LOCK_LEVEL  VARCHAR(8),
    VERSION     BIGINT NOT NULL,
    BODY        CLOB NOT NULL,
    CONSTRAINT NETWORK_TEMPLATE_NAME_PER_OWNER UNIQUE (UID, NAME)
);

CREATE TABLE ACL_RULE (
    ID     INT PRIMARY KEY,
    RULE   VARCHAR(1024) NOT NULL UNIQUE
);

-- Group 0 "default" allows all traffic both ways; every new network gets it.
-- Usable by everyone (u-- for group and others) so any user's network may carry it.
INSERT INTO SECURITY_GROUP (ID, NAME, UID, GID, PERMS, LOCK_LEVEL, VERSION, BODY) VALUES
    (0, 'default', 0, 0, 420, NULL, 0,
     '{"DESCRIPTION":"Allows all inbound and outbound traffic. Other groups add nothing while it applies.","RULES":[{"PROTOCOL":"ALL","RULE_TYPE":"OUTBOUND"},{"PROTOCOL":"ALL","RULE_TYPE":"INBOUND"}]}');

-- "Private IPv4": bridged with security groups, no address range, usable by
-- everyone so a normal user can instantiate a network right away.
INSERT INTO NETWORK_TEMPLATE (ID, NAME, UID, GID, PERMS, LOCK_LEVEL, VERSION, BODY) VALUES
    (0, 'Private IPv4', 0, 0, 420, NULL, 0,
     'DESCRIPTION = "Private IPv4 network, bridged with security groups. Add an address range when you instantiate it."
VN_MAD = "fw"
SECURITY_GROUPS = "0"
');

INSERT INTO ID_SEQUENCE (KIND, NEXT_ID) VALUES ('SECGROUP', 100), ('VNTEMPLATE', 100), ('ACL', 0);
