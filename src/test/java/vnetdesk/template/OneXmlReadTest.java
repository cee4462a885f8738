package vnetdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vnetdesk.model.AttributeVector;
import vnetdesk.model.SyntaxException;

class OneXmlReadTest {

    /** Shaped like the output of {@code onevnet show -x} on OpenNebula 6.x (CDATA, extra elements, vectors). */
    static final String OPENNEBULA_SAMPLE = """
            <VNET>
              <ID>14</ID>
              <UID>0</UID>
              <GID>0</GID>
              <UNAME>oneadmin</UNAME>
              <GNAME>oneadmin</GNAME>
              <NAME>vxlan-tenants</NAME>
              <LOCK>
                <LOCKED>1</LOCKED>
                <OWNER>0</OWNER>
                <TIME>1718031234</TIME>
                <REQ_ID>-1</REQ_ID>
              </LOCK>
              <PERMISSIONS>
                <OWNER_U>1</OWNER_U>
                <OWNER_M>1</OWNER_M>
                <OWNER_A>0</OWNER_A>
                <GROUP_U>1</GROUP_U>
                <GROUP_M>0</GROUP_M>
                <GROUP_A>0</GROUP_A>
                <OTHER_U>1</OTHER_U>
                <OTHER_M>0</OTHER_M>
                <OTHER_A>0</OTHER_A>
              </PERMISSIONS>
              <CLUSTERS>
                <ID>0</ID>
              </CLUSTERS>
              <BRIDGE><![CDATA[onebr.1007]]></BRIDGE>
              <BRIDGE_TYPE><![CDATA[linux]]></BRIDGE_TYPE>
              <STATE>1</STATE>
              <PREV_STATE>0</PREV_STATE>
              <PARENT_NETWORK_ID><![CDATA[]]></PARENT_NETWORK_ID>
              <VN_MAD><![CDATA[vxlan]]></VN_MAD>
              <PHYDEV><![CDATA[eth1]]></PHYDEV>
              <VLAN_ID><![CDATA[1007]]></VLAN_ID>
              <OUTER_VLAN_ID><![CDATA[]]></OUTER_VLAN_ID>
              <VLAN_ID_AUTOMATIC>1</VLAN_ID_AUTOMATIC>
              <OUTER_VLAN_ID_AUTOMATIC>0</OUTER_VLAN_ID_AUTOMATIC>
              <USED_LEASES>4</USED_LEASES>
              <VROUTERS/>
              <UPDATED_VMS>
                <ID>31</ID>
              </UPDATED_VMS>
              <OUTDATED_VMS/>
              <UPDATING_VMS/>
              <ERROR_VMS/>
              <TEMPLATE>
                <AUTOMATIC_VLAN_ID><![CDATA[YES]]></AUTOMATIC_VLAN_ID>
                <BRIDGE><![CDATA[onebr.1007]]></BRIDGE>
                <DESCRIPTION><![CDATA[Tenant network <prod> & "lab"]]></DESCRIPTION>
                <DNS><![CDATA[10.7.0.1 1.1.1.1]]></DNS>
                <DNS_SERVERS>
                  <X><![CDATA[10.7.0.1]]></X>
                  <X><![CDATA[1.1.1.1]]></X>
                </DNS_SERVERS>
                <GATEWAY><![CDATA[10.7.0.1]]></GATEWAY>
                <MTU><![CDATA[1450]]></MTU>
                <NETWORK_ADDRESS><![CDATA[10.7.0.0]]></NETWORK_ADDRESS>
                <NETWORK_MASK><![CDATA[255.255.255.0]]></NETWORK_MASK>
                <PHYDEV><![CDATA[eth1]]></PHYDEV>
                <SECURITY_GROUPS><![CDATA[0]]></SECURITY_GROUPS>
                <VN_MAD><![CDATA[vxlan]]></VN_MAD>
                <!-- a comment inside the template -->
              </TEMPLATE>
              <AR_POOL>
                <AR>
                  <ALLOCATED><![CDATA[0 4294967296 2 4294967296 3 4294967296]]></ALLOCATED>
                  <AR_ID><![CDATA[0]]></AR_ID>
                  <GATEWAY><![CDATA[10.7.0.254]]></GATEWAY>
                  <IP><![CDATA[10.7.0.10]]></IP>
                  <IP_END><![CDATA[10.7.0.59]]></IP_END>
                  <MAC><![CDATA[02:00:0a:07:00:0a]]></MAC>
                  <MAC_END><![CDATA[02:00:0a:07:00:3b]]></MAC_END>
                  <SIZE><![CDATA[50]]></SIZE>
                  <TYPE><![CDATA[IP4]]></TYPE>
                  <USED_LEASES>3</USED_LEASES>
                  <LEASES>
                    <LEASE>
                      <IP><![CDATA[10.7.0.10]]></IP>
                      <MAC><![CDATA[02:00:0a:07:00:0a]]></MAC>
                      <NIC_NAME><![CDATA[NIC0]]></NIC_NAME>
                      <VM><![CDATA[31]]></VM>
                    </LEASE>
                    <LEASE>
                      <IP><![CDATA[10.7.0.12]]></IP>
                      <MAC><![CDATA[02:00:0a:07:00:0c]]></MAC>
                      <VM><![CDATA[-1]]></VM>
                    </LEASE>
                    <LEASE>
                      <IP><![CDATA[10.7.0.13]]></IP>
                      <MAC><![CDATA[02:00:0a:07:00:0d]]></MAC>
                      <VNET><![CDATA[22]]></VNET>
                    </LEASE>
                  </LEASES>
                </AR>
                <AR>
                  <AR_ID><![CDATA[1]]></AR_ID>
                  <GLOBAL_PREFIX><![CDATA[2001:db8:7::]]></GLOBAL_PREFIX>
                  <IP6_GLOBAL><![CDATA[2001:db8:7::ff:fe07:100]]></IP6_GLOBAL>
                  <IP6_GLOBAL_END><![CDATA[2001:db8:7::ff:fe07:10f]]></IP6_GLOBAL_END>
                  <IP6_ULA><![CDATA[fd00:7::ff:fe07:100]]></IP6_ULA>
                  <IP6_ULA_END><![CDATA[fd00:7::ff:fe07:10f]]></IP6_ULA_END>
                  <MAC><![CDATA[02:00:00:07:01:00]]></MAC>
                  <MAC_END><![CDATA[02:00:00:07:01:0f]]></MAC_END>
                  <SIZE><![CDATA[16]]></SIZE>
                  <TYPE><![CDATA[IP6]]></TYPE>
                  <ULA_PREFIX><![CDATA[fd00:7::]]></ULA_PREFIX>
                  <USED_LEASES>1</USED_LEASES>
                  <LEASES>
                    <LEASE>
                      <IP6_GLOBAL><![CDATA[2001:db8:7::ff:fe07:103]]></IP6_GLOBAL>
                      <IP6_LINK><![CDATA[fe80::ff:fe07:103]]></IP6_LINK>
                      <IP6_ULA><![CDATA[fd00:7::ff:fe07:103]]></IP6_ULA>
                      <MAC><![CDATA[02:00:00:07:01:03]]></MAC>
                      <VM><![CDATA[40]]></VM>
                      <NIC_NAME><![CDATA[NIC3]]></NIC_NAME>
                    </LEASE>
                  </LEASES>
                </AR>
              </AR_POOL>
            </VNET>
            """;

    static ImportedNetwork read(String xml) {
        return OneXml.read(xml, "net.xml");
    }

    /** Reads XML that must fail and checks where. */
    static SyntaxException failsAt(String xml, int line, int column) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> read(xml));
        assertEquals(line, e.line(), () -> "line of: " + e.getMessage());
        assertEquals(column, e.column(), () -> "column of: " + e.getMessage());
        assertClean(e);
        return e;
    }

    /** Every failure names the source and carries no parser exception. */
    static void assertClean(SyntaxException e) {
        assertTrue(e.getMessage().startsWith("net.xml: line " + e.line() + ", column " + e.column() + ": "),
                e.getMessage());
        assertNull(e.getCause(), "no parser exception is attached");
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertFalse(e.getMessage().contains("ParseError at"), e.getMessage());
    }

    static void assertMentions(SyntaxException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    /** A minimal document: one IP4 AR whose only lease has the given inner elements. */
    static String withLease(String leaseBody) {
        return "<VNET>\n<ID>3</ID>\n<AR_POOL>\n<AR>\n<AR_ID>0</AR_ID>\n<LEASES>\n<LEASE>" + leaseBody
                + "</LEASE>\n</LEASES>\n</AR>\n</AR_POOL>\n</VNET>\n";
    }

    // ---- OpenNebula output -------------------------------------------------------------------

    @Test
    void openNebulaSampleImportsIdNameAndPermissions() {
        ImportedNetwork n = read(OPENNEBULA_SAMPLE);
        assertEquals(OptionalInt.of(14), n.id());
        assertEquals("vxlan-tenants", n.name());
        assertEquals(Optional.of("644"), n.permissionsOctal());
        assertEquals(OptionalInt.empty(), n.parentNetworkId());
    }

    @Test
    void openNebulaTemplateIsMergedWithTopLevelSettingsAndVectorsAreKeptApart() {
        ImportedNetwork n = read(OPENNEBULA_SAMPLE);
        Map<String, String> a = n.attributes();
        assertEquals("vxlan-tenants", a.get("NAME"));
        assertEquals("onebr.1007", a.get("BRIDGE"));
        assertEquals("vxlan", a.get("VN_MAD"));
        assertEquals("eth1", a.get("PHYDEV"));
        assertEquals("YES", a.get("AUTOMATIC_VLAN_ID"));
        assertFalse(a.containsKey("VLAN_ID"), "an automatic VLAN id is picked again on import");
        assertEquals("Tenant network <prod> & \"lab\"", a.get("DESCRIPTION"));
        assertEquals("1450", a.get("MTU"));
        assertEquals("0", a.get("SECURITY_GROUPS"));
        assertFalse(a.containsKey("DNS_SERVERS"));
        assertFalse(a.containsKey("X"));
        // OpenNebula keeps a vector as a map: the repeated key keeps its last value
        assertEquals(List.of(new AttributeVector("DNS_SERVERS", Map.of("X", "1.1.1.1"))), n.vectors());
        for (String topOnly : List.of("STATE", "UNAME", "LOCK", "LOCKED", "USED_LEASES", "BRIDGE_TYPE",
                "OUTER_VLAN_ID", "ID", "CLUSTERS")) {
            assertFalse(a.containsKey(topOnly), topOnly);
        }
        assertEquals("NAME", a.keySet().iterator().next());
    }

    @Test
    void openNebulaRangesKeepDefinitionAttributesOnly() {
        List<ImportedAr> ars = read(OPENNEBULA_SAMPLE).addressRanges();
        assertEquals(2, ars.size());
        assertEquals(OptionalInt.of(0), ars.get(0).arId());
        assertEquals(Map.of("GATEWAY", "10.7.0.254", "IP", "10.7.0.10", "MAC", "02:00:0a:07:00:0a", "SIZE", "50",
                "TYPE", "IP4"), ars.get(0).attributes());
        assertEquals(List.of("GATEWAY", "IP", "MAC", "SIZE", "TYPE"), List.copyOf(ars.get(0).attributes().keySet()));
        assertEquals(OptionalInt.of(1), ars.get(1).arId());
        assertEquals(Map.of("GLOBAL_PREFIX", "2001:db8:7::", "MAC", "02:00:00:07:01:00", "SIZE", "16",
                "TYPE", "IP6", "ULA_PREFIX", "fd00:7::"), ars.get(1).attributes());
    }

    @Test
    void openNebulaLeasesHaveVmHoldAndReservationOwners() {
        List<ImportedAr> ars = read(OPENNEBULA_SAMPLE).addressRanges();
        List<ImportedLease> leases = ars.get(0).leases();
        assertEquals(3, leases.size());
        assertEquals(new ImportedLease(Optional.of("10.7.0.10"), Optional.empty(), Optional.of("02:00:0a:07:00:0a"),
                new ImportedOwner.Vm(31, 0)), leases.get(0));
        assertEquals(new ImportedOwner.Hold(), leases.get(1).owner());
        assertEquals(new ImportedOwner.Vnet(22), leases.get(2).owner());
        ImportedLease slaac = ars.get(1).leases().get(0);
        assertEquals(new ImportedOwner.Vm(40, 3), slaac.owner());
        assertEquals(Optional.of("2001:db8:7::ff:fe07:103"), slaac.ip6(), "IP6_GLOBAL when there is no IP6");
        assertEquals(Optional.empty(), slaac.ip());
    }

    @Test
    void ulaAddressIsTheIpv6OfALeaseWithoutStaticOrGlobalAddress() {
        ImportedLease l = read(withLease("<IP6_ULA>fd00::1</IP6_ULA><IP6_LINK>fe80::1</IP6_LINK><VM>2</VM>"))
                .addressRanges().get(0).leases().get(0);
        assertEquals(Optional.of("fd00::1"), l.ip6());
        assertEquals(Optional.empty(), l.mac());
    }

    @Test
    void nicNameThatIsNotNicNumberIsNumberedLikeAMissingOne() {
        ImportedLease l = read(withLease("<VM>2</VM><NIC_NAME>eth7</NIC_NAME>")).addressRanges().get(0).leases().get(0);
        assertEquals(new ImportedOwner.Vm(2, 0), l.owner());
    }

    @Test
    void topLevelValuesWinOverTemplateValues() {
        ImportedNetwork n = read("""
                <VNET><ID>1</ID><NAME>top</NAME><BRIDGE>br-top</BRIDGE><VLAN_ID>12</VLAN_ID>
                <VLAN_ID_AUTOMATIC>0</VLAN_ID_AUTOMATIC><PHYDEV></PHYDEV>
                <TEMPLATE><NAME>tmpl</NAME><BRIDGE>br-tmpl</BRIDGE><PHYDEV>eth9</PHYDEV><vn_mad>802.1Q</vn_mad></TEMPLATE>
                </VNET>""");
        assertEquals("top", n.name());
        assertEquals(Map.of("NAME", "top", "BRIDGE", "br-top", "PHYDEV", "eth9", "VN_MAD", "802.1Q", "VLAN_ID", "12"),
                n.attributes());
        assertEquals(List.of("NAME", "BRIDGE", "PHYDEV", "VN_MAD", "VLAN_ID"), List.copyOf(n.attributes().keySet()));
        assertEquals(Optional.empty(), n.permissionsOctal());
    }

    @Test
    void poolOfNetworksIsReadByReadAll() {
        String pool = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VNET_POOL>\n"
                + "<VNET><ID>1</ID><NAME>a</NAME><PARENT_NETWORK_ID>-1</PARENT_NETWORK_ID></VNET>\n"
                + "<VNET><ID>2</ID><NAME>b</NAME><PARENT_NETWORK_ID>1</PARENT_NETWORK_ID></VNET>\n</VNET_POOL>\n";
        List<ImportedNetwork> all = OneXml.readAll(pool, "pool.xml");
        assertEquals(List.of("a", "b"), all.stream().map(ImportedNetwork::name).toList());
        assertEquals(OptionalInt.empty(), all.get(0).parentNetworkId());
        assertEquals(OptionalInt.of(1), all.get(1).parentNetworkId());
        assertEquals(1, OneXml.readAll(OPENNEBULA_SAMPLE, "one.xml").size());
        assertEquals(List.of(), OneXml.readAll("<VNET_POOL/>", "empty.xml"));
    }

    @Test
    void poolGivenToReadIsRefusedWithAHint() {
        SyntaxException e = failsAt("<VNET_POOL>\n  <VNET><ID>1</ID></VNET>\n</VNET_POOL>", 1, 12);
        assertMentions(e, "VNET_POOL", "single");
    }

    @Test
    void byteOrderMarkCommentsAndProcessingInstructionsAreIgnored() {
        ImportedNetwork n = read("\uFEFF<?xml version=\"1.0\"?>\n<!-- exported -->\n<VNET><ID>4</ID>"
                + "<NAME>a<!-- c -->b<?pi x?>c</NAME></VNET>\n<!-- end -->\n");
        assertEquals(OptionalInt.of(4), n.id());
        assertEquals("abc", n.name());
    }

    // ---- malformed documents -----------------------------------------------------------------

    @Test
    void wrongRootElementIsRefusedAtTheRoot() {
        SyntaxException e = failsAt("<?xml version=\"1.0\"?>\n<VM>\n  <ID>1</ID>\n</VM>", 2, 5);
        assertMentions(e, "<VM>", "expected <VNET>");
    }

    @Test
    void nonIntegerNetworkIdNamesTheElementAndValue() {
        SyntaxException e = failsAt("<VNET>\n  <ID>abc</ID>\n</VNET>", 2, 7);
        assertMentions(e, "<ID>", "\"abc\"");
    }

    @Test
    void nonIntegerRangeIdIsRefused() {
        SyntaxException e = failsAt("<VNET>\n<AR_POOL>\n<AR>\n  <AR_ID>1.5</AR_ID>\n</AR>\n</AR_POOL>\n</VNET>", 4, 10);
        assertMentions(e, "<AR_ID>", "\"1.5\"");
    }

    @Test
    void nonIntegerOrOutOfRangeOwnerIdsAreRefused() {
        assertMentions(failsAt(withLease("<VM>seven</VM>"), 7, 12), "<VM>", "\"seven\"");
        assertMentions(failsAt(withLease("<VM>-2</VM>"), 7, 12), "<VM>", "-1 or more");
        assertMentions(failsAt(withLease("<VNET>-1</VNET>"), 7, 14), "<VNET>", "\"-1\"");
        assertMentions(failsAt(withLease("<VNET>99999999999</VNET>"), 7, 14), "<VNET>");
    }

    @Test
    void leaseWithoutOwnerIsRefusedAtTheLease() {
        SyntaxException e = failsAt(withLease("<IP>10.0.0.1</IP>"), 7, 8);
        assertMentions(e, "<LEASE>", "no owner");
    }

    @Test
    void leaseWithTwoOwnersIsRefusedAtTheSecondOwner() {
        SyntaxException e = failsAt(withLease("<VM>3</VM>\n<VNET>4</VNET>"), 8, 7);
        assertMentions(e, "<VM>", "<VNET>", "exactly one owner");
    }

    @Test
    void virtualRouterLeaseIsReadAsAHold() {
        ImportedLease lease = read(withLease("<IP>10.0.0.1</IP><VROUTER>4</VROUTER>")).addressRanges().get(0)
                .leases().get(0);
        assertEquals(new ImportedOwner.Hold(), lease.owner());
        assertEquals(Optional.of("10.0.0.1"), lease.ip());
    }

    @Test
    void permissionBitOtherThanZeroOrOneIsRefused() {
        assertMentions(failsAt("<VNET><PERMISSIONS>\n<OWNER_U>2</OWNER_U></PERMISSIONS></VNET>", 2, 10), "<OWNER_U>");
    }

    @Test
    void unclosedElementIsReportedWhereTheDocumentEnds() {
        SyntaxException e = failsAt("<VNET>\n  <ID>1</ID>\n  <NAME>a", 3, 10);
        assertMentions(e, "not well-formed XML");
    }

    @Test
    void mismatchedEndTagIsReported() {
        SyntaxException e = failsAt("<VNET>\n  <ID>1</NAME>\n</VNET>", 2, 10);
        assertMentions(e, "not well-formed XML");
    }

    @Test
    void truncatedWriterOutputIsReported() {
        String xml = OneXml.write(OneXmlWriteTest.sample());
        for (int cut : new int[] {1, 17, xml.length() / 3, xml.length() / 2, xml.length() - 3}) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> read(xml.substring(0, cut)), "cut " + cut);
            assertClean(e);
        }
    }

    @Test
    void emptyAndBlankInputsAreReported() {
        assertMentions(failsAt("", 1, 1), "not well-formed XML");
        assertClean(assertThrows(SyntaxException.class, () -> read("  \n ")));
        assertClean(assertThrows(SyntaxException.class, () -> read("<!-- only a comment -->")));
    }

    @Test
    void secondRootElementIsReported() {
        assertClean(assertThrows(SyntaxException.class, () -> read("<VNET><ID>1</ID></VNET>\n<VNET/>")));
    }

    @Test
    void binaryGarbageIsReportedQuickly() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            String garbage = new String(bytes, StandardCharsets.ISO_8859_1);
            SyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(SyntaxException.class, () -> read(garbage)));
            assertClean(e);
        }
        assertClean(assertThrows(SyntaxException.class, () -> read("<VNET>\u0000\u0001</VNET>")));
        assertClean(assertThrows(SyntaxException.class, () -> read("<VNET><NAME>\uFFFE</NAME></VNET>")));
    }

    @Test
    void randomlyDamagedDocumentsFailOnlyWithSyntaxErrors() {
        String[] originals = {OneXml.write(OneXmlWriteTest.sample()), OPENNEBULA_SAMPLE};
        String alphabet = "<>/&;![]-\"'=?xVNET \n\u0000\uD800#:";
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder(originals[round % 2]);
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(b.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, c);
                    default -> b.setCharAt(at, c);
                }
            }
            try {
                read(b.toString());
            } catch (SyntaxException e) {
                assertClean(e);
            }
        }
    }

    // ---- hostile documents -------------------------------------------------------------------

    @Test
    void externalEntityIsRefusedWithoutReadingTheFile() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE VNET [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                + "<VNET><ID>1</ID><NAME>&xxe;</NAME></VNET>";
        SyntaxException e = assertThrows(SyntaxException.class, () -> read(xxe));
        assertClean(e);
        assertEquals(2, e.line());
        assertMentions(e, "DOCTYPE");
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void externalDtdIsRefused() {
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> read("<!DOCTYPE VNET SYSTEM \"http://127.0.0.1:1/evil.dtd\"><VNET/>"));
        assertClean(e);
        assertMentions(e, "DOCTYPE");
    }

    @Test
    void undeclaredEntityReferenceIsRefused() {
        SyntaxException e = failsAt("<VNET>\n<NAME>&lol;</NAME></VNET>", 2, 12);
        assertMentions(e, "lol");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE VNET [\n<!ENTITY lol \"lol\">\n");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n<VNET><NAME>&lol9;</NAME></VNET>");
        SyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SyntaxException.class, () -> read(dtd.toString())));
        assertClean(e);
        assertMentions(e, "DOCTYPE");
    }

    @Test
    void tenMegabyteDeeplyNestedDocumentIsRefusedQuickly() {
        int levels = 10 * 1024 * 1024 / 7;
        String deep = "<VNET><TEMPLATE>" + "<DEEPER>".repeat(levels) + "x" + "</DEEPER>".repeat(levels)
                + "</TEMPLATE></VNET>";
        SyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SyntaxException.class, () -> read(deep)));
        assertClean(e);
        assertMentions(e, "nested more than " + OneXml.MAX_DEPTH);
        assertEquals(1, e.line());
    }

    @Test
    void nestingWithinTheLimitIsSkippedInsideTheTemplate() {
        String levels = "<V>".repeat(OneXml.MAX_DEPTH - 3) + "x" + "</V>".repeat(OneXml.MAX_DEPTH - 3);
        ImportedNetwork n = read("<VNET><TEMPLATE>" + levels + "<MTU>1400</MTU></TEMPLATE></VNET>");
        assertEquals(Map.of("MTU", "1400"), n.attributes());
    }

    @Test
    void inputOver64MebibytesIsRefusedBeforeParsing() {
        String huge = "<VNET><NAME>" + "x".repeat((int) OneXml.MAX_INPUT_BYTES) + "</NAME></VNET>";
        SyntaxException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SyntaxException.class, () -> read(huge)));
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertMentions(e, "64 MiB");
    }

    @Test
    void multiByteInputOver64MebibytesInUtf8IsRefused() {
        // 22.5 M characters of 3 UTF-8 bytes each: under the limit in characters, over it in bytes
        String huge = "<VNET><NAME>" + "\u20ac".repeat((int) (OneXml.MAX_INPUT_BYTES / 3) + 1) + "</NAME></VNET>";
        SyntaxException e = assertThrows(SyntaxException.class, () -> read(huge));
        assertMentions(e, "64 MiB");
    }
}
