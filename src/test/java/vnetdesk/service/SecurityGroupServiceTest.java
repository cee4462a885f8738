package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.PropagationState;
import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.service.SecurityGroupService.EffectiveRule;
import vnetdesk.service.SecurityGroupService.EffectiveRules;
import vnetdesk.service.SecurityGroupService.GroupDetails;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateParser;

class SecurityGroupServiceTest extends ServiceTestSupport {

    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void openInventory() {
        inv = open(dir);
    }

    @AfterEach
    void close() {
        inv.close();
    }

    private static Template t(String text) {
        return TemplateParser.parse(text, "test");
    }

    private int group(String text) {
        return inv.securityGroups().create(ADMIN, t(text));
    }

    private SecurityGroup show(String ref) {
        return inv.securityGroups().show(ADMIN, ObjectRef.parse("SECGROUP", ref)).summary().group();
    }

    @Test
    void theDefaultGroupExistsFromTheStartAllowsAllAndNewNetworksGetIt() {
        SecurityGroup def = show("default");
        assertEquals(SecurityGroup.DEFAULT_ID, def.id());
        assertEquals(List.of("outbound all protocols to any address", "inbound all protocols from any address"),
                def.rules().stream().map(SecurityRule::summary).toList());
        create(inv, "NAME = a\nVN_MAD = fw\n");
        assertEquals(List.of(0), inv.queries().details(ADMIN, ObjectRef.name("a"), 0).network().securityGroups());
        assertEquals(List.of("0:a"), inv.securityGroups().show(ADMIN, ObjectRef.id(0)).summary().networks());
    }

    @Test
    void createReadsTemplateSyntaxAndKeepsEqualRulesOnce() {
        int id = group("NAME = web\nDESCRIPTION = \"web servers\"\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = \"22,80:90\" ]\n"
                + "RULE = [ PROTOCOL = tcp, RULE_TYPE = INBOUND, RANGE = \"80:90, 22\" ]\n"
                + "RULE = [ PROTOCOL = ICMP, RULE_TYPE = inbound, ICMP_TYPE = 8 ]\n");
        SecurityGroup g = show(Integer.toString(id));
        assertEquals("web", g.name());
        assertEquals("web servers", g.description());
        assertEquals(2, g.rules().size(), g.rules().toString());
        assertEquals("22,80:90", g.rules().get(0).toAttributes().get("RANGE"));
    }

    @Test
    void aBadRuleIsRefusedNamingTheRuleAndTheFieldAndNothingIsStored() {
        int before = inv.securityGroups().list(ADMIN).size();
        ValidationException e = assertThrows(ValidationException.class, () -> group("NAME = bad\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = \"10:5\" ]\n"));
        assertEquals(Optional.of("RANGE"), e.field());
        assertTrue(e.getMessage().startsWith("RULE 2: RANGE: invalid value \"10:5\""), e.getMessage());
        assertEquals(before, inv.securityGroups().list(ADMIN).size());
        ValidationException other = assertThrows(ValidationException.class,
                () -> group("NAME = x\nVN_MAD = fw\n"));
        assertTrue(other.getMessage().contains("NAME, DESCRIPTION and RULE"), other.getMessage());
    }

    @Test
    void anUpdateMarksEveryVmOfTheGroupOutdatedAndCommitSaysNothingWasApplied() {
        int web = group("NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n");
        create(inv, "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"" + web + "\"\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        inv.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(7, 0), Optional.empty(),
                Optional.empty());
        inv.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(9, 0), Optional.empty(),
                Optional.empty());
        GroupDetails d = inv.securityGroups().show(ADMIN, ObjectRef.name("web"));
        assertEquals(List.of(7, 9), d.vmsIn(PropagationState.OUTDATED).stream().map(v -> v.vmId()).toList(),
                "never applied: outdated");

        inv.securityGroups().update(ADMIN, ObjectRef.name("web"),
                t("RULE = [ PROTOCOL = UDP, RULE_TYPE = inbound, RANGE = 53 ]\n"), true);
        SecurityGroup g = show("web");
        assertEquals(2, g.rules().size(), "append keeps the old rule");
        assertEquals(2, inv.securityGroups().show(ADMIN,
                ObjectRef.name("web")).vmsIn(PropagationState.OUTDATED).size());

        SecurityGroupService.CommitReport r = inv.securityGroups().commit(ADMIN, ObjectRef.name("web"), false);
        assertEquals(List.of(7, 9), r.selected());
        assertEquals(0, r.applied());
        assertTrue(r.message().contains("no host apply is available"), r.message());
        assertEquals(2, inv.securityGroups().show(ADMIN, ObjectRef.name("web")).vmsIn(PropagationState.OUTDATED).size(),
                "the VMs stay outdated");
        assertTrue(inv.securityGroups().commit(ADMIN, ObjectRef.name("default"), true).selected().isEmpty());
    }

    @Test
    void deleteIsRefusedForTheDefaultGroupAndWhileANetworkUsesTheGroup() {
        int web = group("NAME = web\n");
        create(inv, "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"0," + web + "\"\n");
        ConflictException used = assertThrows(ConflictException.class, () -> inv.securityGroups().delete(ADMIN,
                ObjectRef.name("web")));
        assertTrue(used.getMessage().contains("used by networks 0:lan"), used.getMessage());
        ConflictException def = assertThrows(ConflictException.class,
                () -> inv.securityGroups().delete(ADMIN, ObjectRef.name("default")));
        assertTrue(def.getMessage().contains("default group"), def.getMessage());
        inv.networks().update(ADMIN, ObjectRef.name("lan"), t("SECURITY_GROUPS = \"0\"\n"), true);
        inv.securityGroups().delete(ADMIN, ObjectRef.name("web"));
        assertEquals(1, inv.securityGroups().list(ADMIN).size());
    }

    @Test
    void aNetworkNamingAMissingGroupIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> create(inv, "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"0,42\"\n"));
        assertEquals(Optional.of("SECURITY_GROUPS"), e.field());
        assertTrue(e.getMessage().contains("security group 42 does not exist"), e.getMessage());
        create(inv, "NAME = lan\nVN_MAD = fw\n");
        assertThrows(ValidationException.class,
                () -> inv.networks().update(ADMIN, ObjectRef.name("lan"), t("SECURITY_GROUPS = \"43\"\n"), true));
    }

    @Test
    void cloneRenameChmodAndChownChangeWhatTheySay() {
        int web = group("NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 443 ]\n");
        int copy = inv.securityGroups().clone(ADMIN, ObjectRef.name("web"), "web-copy");
        assertEquals(show(Integer.toString(web)).rules(), show(Integer.toString(copy)).rules());
        inv.securityGroups().rename(ADMIN, ObjectRef.name("web-copy"), "tls");
        assertEquals("tls", show(Integer.toString(copy)).name());
        assertThrows(ConflictException.class, () -> inv.securityGroups().rename(ADMIN, ObjectRef.name("tls"), "web"));
        inv.securityGroups().chmod(ADMIN, ObjectRef.name("tls"), Permissions.parseOctal("OCTAL", "604"));
        assertEquals("604", show("tls").ownership().permissions().octal());
        inv.users().createUser(ADMIN, "alice", "users");
        inv.securityGroups().chown(ADMIN, ObjectRef.name("tls"), Optional.of("alice"), Optional.empty());
        SecurityGroup g = show("tls");
        assertEquals(inv.actor("alice").uid(), g.ownership().uid());
        assertEquals(0, g.ownership().gid(), "the group stays when only the user is given");
    }

    @Test
    void effectiveRulesAreTheUnionWithNetworkIdExpandedAndWarnAboutDefault() {
        create(inv, "NAME = v4\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.1.0.0, SIZE = 256 ]\n");
        create(inv, "NAME = dual\nVN_MAD = bridge\nAR = [ TYPE = IP4_6, IP = 10.2.0.1, SIZE = 10, "
                + "GLOBAL_PREFIX = \"2001:db8:1::\" ]\n");
        int admins = group("NAME = admins\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22, NETWORK_ID = 0 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22, NETWORK_ID = 1 ]\n");
        int web = group("NAME = web\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22, NETWORK_ID = 0 ]\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 443 ]\n");
        create(inv, "NAME = lan\nVN_MAD = fw\nSECURITY_GROUPS = \"0," + admins + "," + web + "\"\n");

        EffectiveRules e = inv.securityGroups().effectiveRules(ADMIN, ObjectRef.name("lan"));
        assertTrue(e.warning().isPresent(), "default combined with other groups");
        List<String> summaries = e.rules().stream().map(r -> r.rule().summary()).toList();
        assertTrue(summaries.contains("inbound TCP port 22 from 10.1.0.0-10.1.0.255"), summaries.toString());
        assertTrue(summaries.contains("inbound TCP port 22 from 10.2.0.1-10.2.0.10"), summaries.toString());
        assertTrue(summaries.stream().anyMatch(s -> s.startsWith("inbound TCP port 22 from 2001:db8:1::")),
                summaries.toString());
        EffectiveRule fromBoth = e.rules().stream()
                .filter(r -> r.rule().summary().equals("inbound TCP port 22 from 10.1.0.0-10.1.0.255")).findFirst()
                .orElseThrow();
        assertEquals(List.of(admins + ":admins", web + ":web"), fromBoth.groups(), "one rule, both groups named");
        assertEquals(2 + 3 + 1, e.rules().size(), "default's two, three expanded SSH rules, HTTPS");

        inv.networks().update(ADMIN, ObjectRef.name("lan"), t("SECURITY_GROUPS = \"" + web + "\"\n"), true);
        assertTrue(inv.securityGroups().effectiveRules(ADMIN, ObjectRef.name("lan")).warning().isEmpty());
    }

    @Test
    void aGroupNamedByATemplateIsNotDeletedAndHiddenNetworksAreCountedNotNamed() {
        int web = group("NAME = web\n");
        inv.templates().allocate(ADMIN, t("NAME = office\nVN_MAD = fw\nSECURITY_GROUPS = \"" + web + "\"\n"));
        ConflictException e = assertThrows(ConflictException.class, () -> inv.securityGroups().delete(ADMIN,
                ObjectRef.name("web")));
        assertTrue(e.getMessage().contains("named by network templates 100:office"), e.getMessage());

        create(inv, "NAME = lan\nVN_MAD = fw\n");
        inv.users().createUser(ADMIN, "bob", "users");
        Actor bob = inv.actor("bob");
        assertEquals(List.of("1 more you may not see"), inv.securityGroups().show(bob,
                ObjectRef.name("default")).summary()
                .networks(), "bob may not use lan: its name stays hidden");
        inv.networks().chmod(ADMIN, ObjectRef.name("lan"), Permissions.parseOctal("OCTAL", "644"));
        assertEquals(List.of("0:lan"), inv.securityGroups().show(bob, ObjectRef.name("default")).summary().networks());
    }

    @Test
    void theVmStatesOfANetworkAreTheFurthestFromDoneAcrossItsGroups() {
        create(inv, "NAME = lan\nVN_MAD = fw\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 10 ]\n");
        create(inv, "NAME = open\nVN_MAD = bridge\nSECURITY_GROUPS = \"\"\n"
                + "AR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 10 ]\n");
        inv.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(7, 0), Optional.empty(),
                Optional.empty());
        inv.leases().allocate(ADMIN, ObjectRef.name("open"), new LeaseOwner.VmNic(8, 0), Optional.empty(),
                Optional.empty());
        assertEquals(List.of(7), List.copyOf(inv.securityGroups().vmStatesOn(ADMIN, ObjectRef.name("lan")).keySet()));
        assertEquals(PropagationState.OUTDATED, inv.securityGroups().vmStatesOn(ADMIN,
                ObjectRef.name("lan")).get(7).state());
        assertTrue(inv.securityGroups().vmStatesOn(ADMIN, ObjectRef.name("open")).isEmpty(),
                "no group, no firewall state");
    }
}
