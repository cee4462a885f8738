package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import vnetdesk.model.vm.Cluster;

/**
 * {@code onehost show -x} and {@code onehost list -x} as vnetdesk writes them, validated against
 * OpenNebula's {@code host.xsd} and {@code host_pool.xsd}: a host in a cluster with VMs and
 * attributes, one in no cluster, each contact state; and the values written for what the inventory
 * does not measure.
 */
class HostXmlConformanceTest {

    /** Host 3 "kvm-a & co" in cluster 100 "rack <1>", with VMs 9 and 4 and two attributes. */
    static OneHostXml.Entry inCluster() {
        return new OneHostXml.Entry(3, "kvm-a & co", OneHostXml.State.MONITORED, Optional.of(new Cluster(100,
                "rack <1>")), List.of(9, 4), Map.of("RESERVED_CPU", "50", "DESCRIPTION", "front row"));
    }

    /** Host 0 "lonely", in no cluster, never contacted, nothing placed on it. */
    static OneHostXml.Entry inNoCluster() {
        return new OneHostXml.Entry(0, "lonely", OneHostXml.State.INIT, Optional.empty(), List.of(), Map.of());
    }

    @Test
    void showOfAHostInAClusterWithVmsIsValid() throws Exception {
        OpenNebulaSchemas.validate("host.xsd", OneHostXml.write(inCluster()));
    }

    @Test
    void showOfAHostInNoClusterIsValid() throws Exception {
        OpenNebulaSchemas.validate("host.xsd", OneHostXml.write(inNoCluster()));
    }

    @Test
    void poolOfHostsIsValidAndSoIsAnEmptyPool() throws Exception {
        OneHostXml.Entry unreachable = new OneHostXml.Entry(7, "down", OneHostXml.State.ERROR,
                Optional.of(new Cluster(0, "default")), List.of(1), Map.of("IM_MAD", "lxc", "VM_MAD", "lxc"));
        OpenNebulaSchemas.validate("host_pool.xsd", OneHostXml.writePool(List.of(inNoCluster(), inCluster(),
                unreachable)));
        OpenNebulaSchemas.validate("host_pool.xsd", OneHostXml.writePool(List.of()));
    }

    @Test
    void clusterVmsStateAndTemplateComeFromTheInventory() throws Exception {
        String xml = OneHostXml.write(inCluster());
        assertTrue(xml.contains("<NAME>kvm-a &amp; co</NAME>") && xml.contains("<CLUSTER>rack &lt;1&gt;</CLUSTER>"),
                xml);
        Document d = dom(xml);
        assertEquals("2", x(d, "/HOST/STATE"));
        assertEquals("2", x(d, "/HOST/PREV_STATE"));
        assertEquals("100", x(d, "/HOST/CLUSTER_ID"));
        assertEquals("4", x(d, "/HOST/VMS/ID[1]"));
        assertEquals("9", x(d, "/HOST/VMS/ID[2]"));
        assertEquals("2", x(d, "/HOST/HOST_SHARE/RUNNING_VMS"));
        assertEquals("DESCRIPTION,IM_MAD,RESERVED_CPU,VM_MAD", children(d, "/HOST/TEMPLATE"));
        assertEquals("50", x(d, "/HOST/TEMPLATE/RESERVED_CPU"));
    }

    @Test
    void aHostInNoClusterHasOpenNebulasNoneClusterAndInitState() throws Exception {
        Document d = dom(OneHostXml.write(inNoCluster()));
        assertEquals("-1", x(d, "/HOST/CLUSTER_ID"));
        assertEquals(1, count(d, "/HOST/CLUSTER"));
        assertEquals("", x(d, "/HOST/CLUSTER"));
        assertEquals("0", x(d, "/HOST/STATE"));
        assertEquals(0, count(d, "/HOST/VMS/ID"));
    }

    @Test
    void whatTheInventoryDoesNotMeasureIsWrittenAsForAHostNeverMonitored() throws Exception {
        Document d = dom(OneHostXml.write(inCluster()));
        assertEquals("kvm", x(d, "/HOST/IM_MAD"));
        assertEquals("kvm", x(d, "/HOST/VM_MAD"));
        for (String zero : List.of("MEM_USAGE", "CPU_USAGE", "TOTAL_MEM", "TOTAL_CPU", "MAX_MEM", "MAX_CPU",
                "DATASTORES/DISK_USAGE", "DATASTORES/FREE_DISK", "DATASTORES/MAX_DISK", "DATASTORES/USED_DISK")) {
            assertEquals("0", x(d, "/HOST/HOST_SHARE/" + zero), zero);
        }
        assertEquals("1", x(d, "/HOST/HOST_SHARE/VMS_THREAD"));
        assertEquals(0, count(d, "/HOST/HOST_SHARE/PCI_DEVICES/*") + count(d, "/HOST/HOST_SHARE/NUMA_NODES/*")
                + count(d, "/HOST/MONITORING/*") + count(d, "/HOST/HOST_SHARE/DATASTORES/DS"));
    }

    @Test
    void driversNamedInTheAttributesWin() throws Exception {
        Document d = dom(OneHostXml.write(new OneHostXml.Entry(1, "c", OneHostXml.State.INIT, Optional.empty(),
                List.of(), Map.of("IM_MAD", "lxc", "VM_MAD", "lxc"))));
        assertEquals("lxc", x(d, "/HOST/IM_MAD"));
        assertEquals("lxc", x(d, "/HOST/TEMPLATE/VM_MAD"));
    }

    /** The names of the element's children, comma-separated, in document order. */
    static String children(Document d, String path) throws Exception {
        int n = count(d, path + "/*");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "" : ",").append(x(d, "name(" + path + "/*[" + i + "])"));
        }
        return b.toString();
    }
}
