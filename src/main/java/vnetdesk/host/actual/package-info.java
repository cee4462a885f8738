/**
 * The actual state of a host: the commands the engine runs to read it
 * ({@link vnetdesk.host.actual.ActualStateReader}), pure parsers of their
 * output into {@link vnetdesk.host.state.HostState}, keeping only what the
 * console owns, and the host probe. No I/O here: the outputs arrive as text.
 */
package vnetdesk.host.actual;
