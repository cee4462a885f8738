package vnetdesk.template;

import java.util.List;
import java.util.Objects;

import vnetdesk.model.SyntaxException;

/**
 * The XML form OpenNebula prints for a virtual machine: {@code onevm show -x}
 * (one {@code <VM>}, described by {@code vm.xsd}) and {@code onevm list -x}
 * (a {@code <VM_POOL>} of shorter VM bodies, {@code vm_pool.xsd}). A writer for
 * vnetdesk VMs and a reader that turns such XML, from vnetdesk or from
 * OpenNebula, into plain {@link ImportedVm} records.
 *
 * <p>Writing: every element the schemas require, in their order. A NIC's
 * elements come in alphabetical order, as OpenNebula writes vector attributes:
 * its addresses and lease ({@code AR_ID, IP, IP6, IP6_GLOBAL, IP6_LINK, IP6_ULA,
 * MAC}), its network ({@code NETWORK, NETWORK_ID, NETWORK_UNAME, BRIDGE, VN_MAD,
 * PHYDEV, VLAN_ID}), {@code NIC_ID}, {@code NAME}, {@code TARGET} (the tap
 * {@code one-<vm>-<nic>}), {@code MODEL}, the effective {@code SECURITY_GROUPS}
 * and QoS, and its own other attributes. The user template goes to
 * {@code USER_TEMPLATE}, the host to {@code HISTORY_RECORDS}. The pool listing
 * has no {@code PERMISSIONS} (the schema has none there) but the same NICs.
 *
 * <p>Reading: the same hardened parser as {@link OneXml} (no DOCTYPE, at most
 * {@link OneXml#MAX_INPUT_BYTES}, {@link OneXml#MAX_DEPTH} levels). Only the
 * structure and the numbers are checked here; every failure is a
 * {@link SyntaxException} with the line and column.
 */
public final class OneVmXml {

    private OneVmXml() {
    }

    /**
     * The VM as {@code onevm show -x} XML, indented, without an XML declaration.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String write(ExportedVm vm) {
        return OneVmXmlWriter.write(vm);
    }

    /**
     * VMs as {@code onevm list -x} XML: a {@code <VM_POOL>} with one shorter {@code <VM>} per VM,
     * in the given order; {@link #readAll} reads it back.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot represent
     */
    public static String writePool(List<ExportedVm> vms) {
        return OneVmXmlWriter.writePool(Objects.requireNonNull(vms));
    }

    /**
     * Reads every VM of a {@code <VM_POOL>}, or the single VM of a {@code <VM>} document, in
     * document order.
     *
     * @param xml    the document
     * @param source a short label for messages: the file name, or {@code "XML"}
     * @throws SyntaxException when the document is not well-formed, too large, has a DOCTYPE, has
     *                         another root, a number that is not a whole number, a NIC alias, or an
     *                         element twice in one NIC
     */
    public static List<ImportedVm> readAll(String xml, String source) {
        return List.copyOf(OneVmXmlReader.read(Objects.requireNonNull(xml), Objects.requireNonNull(source)));
    }
}
