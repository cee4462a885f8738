/**
 * The host state both sides of a plan are made of: devices, kernel settings,
 * the console's firewall chains, ipsets and tap QoS. Pure values.
 */
package vnetdesk.host.state;
