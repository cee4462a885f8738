-- The foreign key of NIC(NETWORK_ID, AR_ID, IDX) has an index that starts with
-- NETWORK_ID already; the single-column index only made every NIC write update
-- one more index.
DROP INDEX NIC_NETWORK;
