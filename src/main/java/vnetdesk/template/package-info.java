/**
 * Interchange formats of OpenNebula: the template text syntax
 * ({@code NAME = value} lines and {@code NAME = [ KEY = value, ... ]} vectors,
 * generic: parser, writer and an immutable model) and the {@code onevnet show -x}
 * XML of a network (writer and importer).
 */
package vnetdesk.template;
