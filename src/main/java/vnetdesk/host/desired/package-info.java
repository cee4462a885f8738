/**
 * The desired state of a host: what the inventory says a host must have
 * (devices, kernel settings, firewall chains, ipsets, tap QoS), compiled into
 * a {@link vnetdesk.host.state.HostState}, and the restore-tool input that
 * loads such chains and sets. Pure code: no SSH, no store.
 */
package vnetdesk.host.desired;
