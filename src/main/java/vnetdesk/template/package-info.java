/**
 * Interchange formats of OpenNebula: the template text syntax
 * ({@code NAME = value} lines and {@code NAME = [ KEY = value, ... ]} vectors,
 * generic: parser, writer and an immutable model), the {@code onevnet show -x}
 * XML of a network (writer and importer) and the {@code onevm show -x} XML of a
 * VM.
 */
package vnetdesk.template;
