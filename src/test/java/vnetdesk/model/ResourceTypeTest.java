package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ACL resource types and rights by name, and the nouns the UI shows for them. */
class ResourceTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "NET, NET",
            "net, NET",
            "VNET, NET",
            "vNet, NET",
            "VNTEMPLATE, VNTEMPLATE",
            "SecGroup, SECGROUP",
            "vm, VM",
            "HOST, HOST",
            "cluster, CLUSTER",
            "USER, USER",
            "group, GROUP",
    })
    void findReadsEveryTypeIgnoringCaseAndTheVnetAlias(String name, ResourceType expected) {
        assertEquals(Optional.of(expected), ResourceType.find(name));
        assertEquals(expected, ResourceType.parse("TYPE", name));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "NETS", "VNETS", "NETWORK", "TEMPLATE", "*", "NET+SECGROUP"})
    void parseRefusesUnknownNamesListingTheKnownOnes(String name) {
        assertEquals(Optional.empty(), ResourceType.find(name));
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> ResourceType.parse("TYPE", name));
        assertEquals(Optional.of("TYPE"), e.field());
        assertEquals("TYPE: invalid value \"" + name + "\": unknown resource type; "
                + "expected NET, VNTEMPLATE, SECGROUP, VM, HOST, CLUSTER, USER or GROUP", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "NET, network, networks",
            "VNTEMPLATE, network template, network templates",
            "SECGROUP, security group, security groups",
            "VM, virtual machine, virtual machines",
            "HOST, host, hosts",
            "CLUSTER, cluster, clusters",
            "USER, user, users",
            "GROUP, group, groups",
    })
    void eachTypeHasASingularAndPluralNoun(ResourceType type, String noun, String plural) {
        assertEquals(noun, type.noun());
        assertEquals(plural, type.plural());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"USE, USE", "manage, MANAGE", "Admin, ADMIN", "create, CREATE"})
    void aclRightsAreFoundIgnoringCase(String name, AclRight expected) {
        assertEquals(Optional.of(expected), AclRight.find(name));
    }

    @Test
    void unknownAclRightsAreNotFound() {
        assertEquals(Optional.empty(), AclRight.find("READ"));
        assertEquals(Optional.empty(), AclRight.find("U"));
    }
}
