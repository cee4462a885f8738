package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.Actor;
import vnetdesk.model.Driver;
import vnetdesk.model.NetworkConf;
import vnetdesk.model.NetworkDetails;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.OpenNebulaSchemas;

/**
 * The acceptance document: an OpenNebula {@code VNET_POOL} (export form) with a
 * {@code dummy} network (BRIDGE given), an {@code ovswitch} one (BRIDGE_TYPE openvswitch_dpdk,
 * VLAN_ID) and a {@code vxlan} one, TEMPLATE vectors, an owner the inventory does not have and
 * CLUSTERS 0. It validates against vnet_pool_extended.xsd, imports with the owner made, the two
 * unmanaged drivers marked as such, and exports back the same elements but the ones named in
 * {@link #RECOMPUTED}, {@link #ADDED} and {@link #DROPPED}.
 */
class VnetXmlImportUnmanagedTest {

    private static final Actor ADMIN = Actor.ONEADMIN;
    private static final String FILE = "opennebula-unmanaged.xml";

    /**
     * Elements vnetdesk recomputes from its own inventory instead of keeping (docs/decisions.md,
     * "Network XML import"): the VMs by propagation state (the file's VMs are not in this
     * inventory's security-group states, so each is outdated here), and TEMPLATE_ID (vnetdesk
     * writes it empty, the document has OpenNebula's -1). Every other top-level and AR element —
     * the computed ends, USED_LEASES, NEXT_INDEX, STATE — comes out with the document's value.
     */
    private static final Set<String> RECOMPUTED = Set.of("TEMPLATE_ID", "UPDATED_VMS", "OUTDATED_VMS",
            "UPDATING_VMS", "ERROR_VMS");
    /** TEMPLATE elements vnetdesk writes and OpenNebula does not: the name and the clusters, typed attributes. */
    private static final Set<String> ADDED = Set.of("TEMPLATE[1]/NAME", "TEMPLATE[1]/CLUSTER_IDS");
    /** TEMPLATE elements of the document that are empty typed attributes, not written back when empty. */
    private static final Set<String> DROPPED = Set.of("TEMPLATE[1]/PHYDEV", "TEMPLATE[1]/VLAN_ID");

    private static final Pattern NETWORK_PATH = Pattern.compile("VNET_POOL/VNET\\[(\\d+)]/(.*) = (.*)");

    @TempDir
    Path dir;

    @Test
    void theDocumentIsValidAgainstTheExtendedPoolSchema() throws Exception {
        OpenNebulaSchemas.validate("vnet_pool_extended.xsd", VnetXmlImportCorpusTest.resource(FILE));
    }

    @Test
    void itImportsWithTheUnmanagedDriversMarkedAndExportsBackTheSameElements() {
        String xml = VnetXmlImportCorpusTest.resource(FILE);
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inv"))) {
            assertEquals(List.of(60, 61, 62), inv.interchange().importFile(ADMIN, xml, FILE));
            assertTrue(inv.users().users().contains(new UserService.UserInfo(7, "erin", 1, "users")),
                    inv.users().users().toString());
            NetworkDetails dummy = inv.queries().details(ADMIN, ObjectRef.id(60), 10);
            NetworkConf ovs = inv.queries().details(ADMIN, ObjectRef.id(61), 0).network().conf();
            NetworkConf vxlan = inv.queries().details(ADMIN, ObjectRef.id(62), 0).network().conf();
            assertEquals(List.of(Driver.DUMMY, Driver.OVSWITCH, Driver.VXLAN),
                    List.of(dummy.network().conf().driver(), ovs.driver(), vxlan.driver()));
            assertEquals(List.of(false, false, true), List.of(dummy.network().conf().driver().managedOnHosts(),
                    ovs.driver().managedOnHosts(), vxlan.driver().managedOnHosts()));
            assertEquals("br0", dummy.network().conf().bridge());
            assertEquals("openvswitch_dpdk", ovs.bridgeType());
            assertEquals(Optional.of(30), ovs.vlanId());
            assertEquals(List.of(0), dummy.network().clusterIds());
            assertEquals(2, dummy.leases().size());

            String export = inv.interchange().exportXml(ADMIN, List.of());
            List<String> expected = comparable(xml);
            assertTrue(expected.size() > 120 && expected.contains("VNET[2]/BRIDGE_TYPE[1] = openvswitch_dpdk")
                    && expected.contains("VNET[1]/TEMPLATE[1]/ROUTE[1]/GATEWAY[1] = 10.60.0.254"), expected::toString);
            assertEquals(expected, comparable(export));
            assertTrue(VnetXmlImportCorpusTest.flatten(export).contains(
                    "VNET_POOL/VNET[1]/OUTDATED_VMS[1]/ID[1] = 70"), "VM 70 has no propagation state here");
        }
    }

    /**
     * The document's elements per network, TEMPLATE sorted (vnetdesk writes its typed attributes
     * first, OpenNebula alphabetically; vectors of one name keep their order), without the
     * recomputed, added and dropped ones.
     */
    private static List<String> comparable(String xml) {
        List<String> kept = new ArrayList<>();
        List<String> template = new ArrayList<>();
        for (String line : VnetXmlImportCorpusTest.flatten(xml)) {
            Matcher m = NETWORK_PATH.matcher(line);
            assertTrue(m.matches(), line);
            String path = m.group(2);
            String element = path.replaceAll("\\[\\d+]$", "").replaceAll("\\[\\d+]/.*", "");
            String templateLeaf = path.replaceAll("\\[1]$", "");
            boolean emptyDropped = DROPPED.contains(templateLeaf) && m.group(3).isEmpty();
            if (RECOMPUTED.contains(element) || ADDED.contains(templateLeaf) || emptyDropped) {
                continue;
            }
            if (path.startsWith("TEMPLATE[1]/")) {
                template.add("VNET[" + m.group(1) + "]/" + path + " = " + m.group(3));
            } else {
                kept.add("VNET[" + m.group(1) + "]/" + path + " = " + m.group(3));
            }
        }
        template.sort(null);
        kept.addAll(template);
        return kept;
    }
}
