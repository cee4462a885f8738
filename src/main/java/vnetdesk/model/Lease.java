package vnetdesk.model;

/** One used address of an AR and who uses it. */
public record Lease(int networkId, int arId, long index, LeaseAddresses addresses, LeaseOwner owner) {
}
