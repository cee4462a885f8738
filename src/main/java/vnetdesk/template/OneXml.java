package vnetdesk.template;

import java.util.List;
import java.util.Objects;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.SyntaxException;

/**
 * The XML form OpenNebula prints for a virtual network ({@code onevnet show -x},
 * versions 5.12 to 6.x): a writer for vnetdesk networks and an importer that
 * turns such XML, from vnetdesk or from OpenNebula, into plain
 * {@link ImportedNetwork} records.
 *
 * <p>Writing: {@code <VNET>} (or a {@code <VNET_POOL>} of them) in the element order of
 * OpenNebula's schemas: the identity, {@code LOCK} when locked, {@code PERMISSIONS},
 * {@code CLUSTERS}, the state and physical settings, the VMs by security-group propagation
 * state, a {@code TEMPLATE} with every network attribute, and an {@code AR_POOL} with each AR's
 * attributes and computed end addresses and leases, or in the list form its stored attributes
 * with the leases in OpenNebula's ALLOCATED encoding ({@link OneXmlAllocated}). Text is escaped by
 * StAX; no CDATA.
 *
 * <p>Reading: a hardened StAX parser (no DOCTYPE at all, so no entity expansion and
 * no external entity; at most {@link #MAX_INPUT_BYTES} and {@link #MAX_DEPTH} levels
 * of nesting). Values are taken as written; only the structure, the ids, the permission
 * bits and the lock level are checked here. Every failure is a {@link SyntaxException}
 * with the line and column.
 */
public final class OneXml {

    /** The largest document {@link #read} accepts, in UTF-8 bytes: 64 MiB. */
    public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    /** The deepest element nesting accepted (OpenNebula's own XML needs 7 levels). */
    public static final int MAX_DEPTH = 64;

    private OneXml() {
    }

    /**
     * The network as {@code onevnet show -x} XML, indented, without an XML declaration, with no
     * allocation cursor or security-group state ({@link VnetXmlNetwork#of}).
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(NetworkDetails details) {
        return write(VnetXmlNetwork.of(details));
    }

    /**
     * The network as {@code onevnet show -x} XML (valid against OpenNebula's vnet.xsd but for the
     * departures listed in docs/decisions.md), indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(VnetXmlNetwork network) {
        return OneXmlWriter.write(network);
    }

    /**
     * Networks with their leases: a {@code <VNET_POOL>} holding one {@code <VNET>} per network, as
     * {@link #write} shapes it, in the given order (vnet_pool_extended.xsd); {@link #readAll} reads
     * it back. This is the export form.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<VnetXmlNetwork> networks) {
        return OneXmlWriter.writePool(Objects.requireNonNull(networks), true);
    }

    /**
     * Networks as {@code onevnet list -x} prints them (vnet_pool.xsd): a {@code <VNET_POOL>} whose
     * ARs carry their stored attributes only — no end addresses, used counts or LEASES; the leases of
     * the given details are in each AR's ALLOCATED, as OpenNebula stores them, so {@link #readAll}
     * reads them back.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writeList(List<VnetXmlNetwork> networks) {
        return OneXmlWriter.writePool(Objects.requireNonNull(networks), false);
    }

    /**
     * Reads one network; the root element must be {@code <VNET>}.
     *
     * @param xml    the document
     * @param source a short label for messages: the file name, or {@code "XML"}
     * @throws SyntaxException when the document is not well-formed, too large, has a DOCTYPE, has
     *                         another root, a non-integer id, or a lease without exactly one owner
     */
    public static ImportedNetwork read(String xml, String source) {
        return OneXmlReader.read(check(xml), check(source), false).get(0);
    }

    /**
     * Reads every network of a {@code <VNET_POOL>} ({@code onevnet list -x}), or the single
     * network of a {@code <VNET>} document, in document order.
     *
     * @throws SyntaxException as {@link #read}
     */
    public static List<ImportedNetwork> readAll(String xml, String source) {
        return List.copyOf(OneXmlReader.read(check(xml), check(source), true));
    }

    private static String check(String s) {
        return Objects.requireNonNull(s);
    }
}
