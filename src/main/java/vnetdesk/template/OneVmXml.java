package vnetdesk.template;

import java.util.List;
import java.util.Objects;

/**
 * The XML form OpenNebula prints for a virtual machine: {@code onevm show -x}
 * (one {@code <VM>}, described by {@code vm.xsd}) and {@code onevm list -x}
 * (a {@code <VM_POOL>} of shorter VM bodies, {@code vm_pool.xsd}), written
 * for vnetdesk VMs.
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

}
