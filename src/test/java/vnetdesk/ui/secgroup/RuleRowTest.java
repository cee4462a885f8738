package vnetdesk.ui.secgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vnetdesk.model.SecurityRule;
import vnetdesk.model.SecurityRule.Protocol;
import vnetdesk.model.ValidationException;

/** One row of the rules table: parsed as it is edited, its error kept with the column it concerns. */
class RuleRowTest {

    @Test
    void aBadRangeMarksTheRangeColumnWithTheModelsMessageAndFixingItClearsIt() {
        RuleRow row = new RuleRow();
        row.text(RuleRow.RANGE).set("80:70");
        String expected = assertThrows(ValidationException.class, () -> SecurityRule.parse(
                Map.of("PROTOCOL", "TCP", "RULE_TYPE", "INBOUND", "RANGE", "80:70"))).getMessage();
        assertEquals(RuleRow.RANGE, row.errorColumnProperty().get());
        assertEquals(expected, row.errorProperty().get());
        assertTrue(row.summaryProperty().get().contains(expected), row.summaryProperty().get());
        assertFalse(row.isValid());

        row.text(RuleRow.RANGE).set("70:80, 22");
        assertTrue(row.isValid());
        assertEquals("", row.errorProperty().get());
        assertEquals("inbound TCP ports 22, 70-80 from any address", row.summaryProperty().get());
    }

    @Test
    void switchingToAProtocolWithoutPortsDropsTheBadRangeAndItsError() {
        RuleRow row = new RuleRow();
        row.text(RuleRow.RANGE).set("99999");
        assertEquals(RuleRow.RANGE, row.errorColumnProperty().get());
        row.protocolProperty().set(Protocol.ICMP);
        assertEquals("", row.text(RuleRow.RANGE).get());
        assertTrue(row.isValid(), row.errorProperty().get());
        assertFalse(row.applies(RuleRow.RANGE));
        assertTrue(row.applies(RuleRow.ICMP_TYPE));
    }

    @Test
    void switchingBetweenTcpAndUdpKeepsThePorts() {
        RuleRow row = new RuleRow();
        row.text(RuleRow.RANGE).set("53");
        row.protocolProperty().set(Protocol.UDP);
        assertEquals("53", row.text(RuleRow.RANGE).get());
        assertEquals("inbound UDP port 53 from any address", row.summaryProperty().get());
    }

    @Test
    void anIcmpv6TypeErrorIsShownOnTheIcmpTypeColumn() {
        RuleRow row = new RuleRow();
        row.protocolProperty().set(Protocol.ICMPV6);
        row.text(RuleRow.ICMP_TYPE).set("8");
        assertEquals(RuleRow.ICMP_TYPE, row.errorColumnProperty().get());
        assertTrue(row.errorProperty().get().startsWith("ICMPV6_TYPE: "), row.errorProperty().get());
        row.text(RuleRow.ICMP_TYPE).set("128");
        assertTrue(row.isValid());
        assertEquals("128", row.attributes().get("ICMPV6_TYPE"));
    }

    @Test
    void anIpWithoutASizeIsAnErrorOfTheSizeColumn() {
        RuleRow row = new RuleRow();
        row.text(RuleRow.IP).set("10.0.0.0");
        assertEquals(RuleRow.SIZE, row.errorColumnProperty().get());
        row.text(RuleRow.SIZE).set("256");
        assertTrue(row.isValid());
        assertTrue(row.summaryProperty().get().startsWith("inbound TCP all ports from 10.0.0.0"),
                row.summaryProperty().get());
    }

    @Test
    void aStoredRuleShowsAsARowThatParsesBackToIt() {
        SecurityRule rule = SecurityRule.parse(Map.of("PROTOCOL", "UDP", "RULE_TYPE", "OUTBOUND", "IP", "fd00::",
                "SIZE", "16", "RANGE", "53,123"));
        RuleRow row = RuleRow.of(rule);
        assertEquals(rule, row.ruleProperty().get().orElseThrow());
        assertEquals(rule.toAttributes(), row.attributes());
    }
}
