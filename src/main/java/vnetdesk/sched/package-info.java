/**
 * Automatic network selection for a NIC declared with {@code NETWORK_MODE=auto}:
 * the {@code SCHED_REQUIREMENTS} language ({@link vnetdesk.sched.Requirements}),
 * the {@code SCHED_RANK} arithmetic ({@link vnetdesk.sched.Rank}) and the choice
 * among candidate networks with a reason for it and for every rejection
 * ({@link vnetdesk.sched.NetworkSelection}). Pure: the service layer gathers the
 * facts (rights, free leases, clusters, attributes) and passes them in.
 */
package vnetdesk.sched;
