package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vnetdesk.template.HostXmlConformanceTest.children;
import static vnetdesk.template.OneXmlWriteTest.count;
import static vnetdesk.template.OneXmlWriteTest.dom;
import static vnetdesk.template.OneXmlWriteTest.x;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import vnetdesk.model.vm.Cluster;

/**
 * {@code onecluster show -x} and {@code onecluster list -x} as vnetdesk writes them, validated
 * against OpenNebula's {@code cluster.xsd} and {@code cluster_pool.xsd}: a cluster with hosts and
 * networks and an empty one.
 */
class ClusterXmlConformanceTest {

    static OneClusterXml.Entry full() {
        return new OneClusterXml.Entry(new Cluster(100, "rack-1"), List.of(5, 2), List.of(7, 0, 3));
    }

    static OneClusterXml.Entry empty() {
        return new OneClusterXml.Entry(new Cluster(0, "default"), List.of(), List.of());
    }

    @Test
    void showOfAClusterWithHostsAndNetworksIsValid() throws Exception {
        OpenNebulaSchemas.validate("cluster.xsd", OneClusterXml.write(full()));
    }

    @Test
    void showOfAnEmptyClusterIsValid() throws Exception {
        OpenNebulaSchemas.validate("cluster.xsd", OneClusterXml.write(empty()));
    }

    @Test
    void poolOfClustersIsValidAndSoIsAnEmptyPool() throws Exception {
        OpenNebulaSchemas.validate("cluster_pool.xsd", OneClusterXml.writePool(List.of(empty(), full())));
        OpenNebulaSchemas.validate("cluster_pool.xsd", OneClusterXml.writePool(List.of()));
    }

    @Test
    void hostsAndNetworksAreIdListsAscendingAndThereIsNoDatastore() throws Exception {
        Document d = dom(OneClusterXml.write(full()));
        assertEquals("ID,NAME,HOSTS,DATASTORES,VNETS,TEMPLATE", children(d, "/CLUSTER"));
        assertEquals("ID,ID", children(d, "/CLUSTER/HOSTS"));
        assertEquals("2", x(d, "/CLUSTER/HOSTS/ID[1]"));
        assertEquals("5", x(d, "/CLUSTER/HOSTS/ID[2]"));
        assertEquals("0", x(d, "/CLUSTER/VNETS/ID[1]"));
        assertEquals("7", x(d, "/CLUSTER/VNETS/ID[3]"));
        assertEquals(0, count(d, "/CLUSTER/DATASTORES/*") + count(d, "/CLUSTER/TEMPLATE/*"));
    }
}
