package vnetdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static vnetdesk.model.AclRight.ADMIN;
import static vnetdesk.model.AclRight.CREATE;
import static vnetdesk.model.AclRight.MANAGE;
import static vnetdesk.model.AclRight.USE;
import static vnetdesk.model.ResourceType.CLUSTER;
import static vnetdesk.model.ResourceType.HOST;
import static vnetdesk.model.ResourceType.NET;
import static vnetdesk.model.ResourceType.SECGROUP;
import static vnetdesk.model.ResourceType.USER;
import static vnetdesk.model.ResourceType.VM;
import static vnetdesk.model.ResourceType.VNTEMPLATE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import vnetdesk.model.AclRule.ObjectRef;
import vnetdesk.model.AclRule.Scope;
import vnetdesk.model.AclRule.Subject;

/** OpenNebula ACL rules: text form both ways, what they grant, how they read. */
class AclRuleTest {

    private static final int ID = 7;

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of("@1 VNTEMPLATE/* CREATE",
                        rule(new Subject.Group(1), Set.of(VNTEMPLATE), new Scope.All(), Set.of(CREATE)),
                        "@1 VNTEMPLATE/* CREATE"),
                Arguments.of("#5 NET/#3 USE",
                        rule(new Subject.User(5), Set.of(NET), new Scope.Object(3), Set.of(USE)),
                        "#5 NET/#3 USE"),
                Arguments.of("* NET+SECGROUP/@1 USE+MANAGE",
                        rule(new Subject.Everyone(), Set.of(NET, SECGROUP), new Scope.InGroup(1), Set.of(USE, MANAGE)),
                        "* NET+SECGROUP/@1 USE+MANAGE"),
                Arguments.of("@100 NET/%0 USE",
                        rule(new Subject.Group(100), Set.of(NET), new Scope.InCluster(0), Set.of(USE)),
                        "@100 NET/%0 USE"),
                Arguments.of("#5 vnet/#3 use",
                        rule(new Subject.User(5), Set.of(NET), new Scope.Object(3), Set.of(USE)),
                        "#5 NET/#3 USE"),
                Arguments.of("@1 VNet+vntemplate/@1 Manage+admin",
                        rule(new Subject.Group(1), Set.of(NET, VNTEMPLATE), new Scope.InGroup(1), Set.of(MANAGE, ADMIN)),
                        "@1 NET+VNTEMPLATE/@1 MANAGE+ADMIN"),
                Arguments.of("* SECGROUP+NET/* MANAGE+USE",
                        rule(new Subject.Everyone(), Set.of(NET, SECGROUP), new Scope.All(), Set.of(USE, MANAGE)),
                        "* NET+SECGROUP/* USE+MANAGE"),
                Arguments.of("* NET+VNET+net/* USE+use",
                        rule(new Subject.Everyone(), Set.of(NET), new Scope.All(), Set.of(USE)),
                        "* NET/* USE"),
                Arguments.of("#0 NET/* USE #0",
                        rule(new Subject.User(0), Set.of(NET), new Scope.All(), Set.of(USE)),
                        "#0 NET/* USE"),
                Arguments.of("#0 NET/* USE *",
                        rule(new Subject.User(0), Set.of(NET), new Scope.All(), Set.of(USE)),
                        "#0 NET/* USE"),
                Arguments.of("  @1\tNET/*   USE  ",
                        rule(new Subject.Group(1), Set.of(NET), new Scope.All(), Set.of(USE)),
                        "@1 NET/* USE"),
                Arguments.of("#007 NET/#00 USE",
                        rule(new Subject.User(7), Set.of(NET), new Scope.Object(0), Set.of(USE)),
                        "#7 NET/#0 USE"),
                Arguments.of("#2147483647 NET/@2147483647 ADMIN",
                        rule(new Subject.User(Integer.MAX_VALUE), Set.of(NET), new Scope.InGroup(Integer.MAX_VALUE),
                                Set.of(ADMIN)),
                        "#2147483647 NET/@2147483647 ADMIN"),
                Arguments.of("* group+user+cluster+host+vm+secgroup+vntemplate+net/%5 create+admin+manage+use",
                        rule(new Subject.Everyone(), EnumSet.allOf(ResourceType.class), new Scope.InCluster(5),
                                EnumSet.allOf(AclRight.class)),
                        "* NET+VNTEMPLATE+SECGROUP+VM+HOST+CLUSTER+USER+GROUP/%5 USE+MANAGE+ADMIN+CREATE"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("acceptedForms")
    void parseAcceptsEveryFormAndPrintsItCanonically(String text, AclRule expected, String canonical) {
        AclRule parsed = AclRule.parse(ID, text);
        assertEquals(expected, parsed);
        assertEquals(canonical, parsed.text());
        assertEquals(parsed, AclRule.parse(ID, parsed.text()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "''                         | ACL      | ACL: required attribute is missing",
            "'   '                      | ACL      | ACL: required attribute is missing",
            "@1                         | ACL      | ACL: invalid value \"@1\": expected USER RESOURCE RIGHTS separated by spaces, e.g. @1 VNTEMPLATE/* CREATE; found 1 part",
            "@1 NET/*                   | ACL      | ACL: invalid value \"@1 NET/*\": expected USER RESOURCE RIGHTS separated by spaces, e.g. @1 VNTEMPLATE/* CREATE; found 2 parts",
            "@1 NET/* USE #0 x          | ACL      | ACL: invalid value \"@1 NET/* USE #0 x\": expected USER RESOURCE RIGHTS separated by spaces, e.g. @1 VNTEMPLATE/* CREATE; found 5 parts",
            "5 NET/* USE                | USER     | USER: invalid value \"5\": expected #uid, @gid or *",
            "** NET/* USE               | USER     | USER: invalid value \"**\": expected #uid, @gid or *",
            "%1 NET/* USE               | USER     | USER: invalid value \"%1\": expected #uid, @gid or *",
            "#-1 NET/* USE              | USER     | USER: invalid value \"#-1\": expected a non-negative integer id after #",
            "#+3 NET/* USE              | USER     | USER: invalid value \"#+3\": expected a non-negative integer id after #",
            "@ NET/* USE                | USER     | USER: invalid value \"@\": expected a non-negative integer id after @",
            "@1e3 NET/* USE             | USER     | USER: invalid value \"@1e3\": expected a non-negative integer id after @",
            "#2147483648 NET/* USE      | USER     | USER: invalid value \"#2147483648\": id is larger than 2147483647",
            "#99999999999999999999 NET/* USE | USER | USER: invalid value \"#99999999999999999999\": id is larger than 2147483647",
            "@1 NETS/* USE              | RESOURCE | RESOURCE: invalid value \"NETS/*\": unknown resource type NETS; expected NET, VNTEMPLATE, SECGROUP, VM, HOST, CLUSTER, USER or GROUP",
            "@1 NET+nets/* USE          | RESOURCE | RESOURCE: invalid value \"NET+nets/*\": unknown resource type nets; expected NET, VNTEMPLATE, SECGROUP, VM, HOST, CLUSTER, USER or GROUP",
            "@1 NET USE                 | RESOURCE | RESOURCE: invalid value \"NET\": expected TYPE[+TYPE…]/SCOPE, e.g. NET/* or NET+SECGROUP/@1; the / is missing",
            "#5 NET /* USE              | RESOURCE | RESOURCE: invalid value \"NET\": expected TYPE[+TYPE…]/SCOPE, e.g. NET/* or NET+SECGROUP/@1; the / is missing",
            "@1 /* USE                  | RESOURCE | RESOURCE: invalid value \"/*\": no resource type before the /; expected NET, VNTEMPLATE, SECGROUP, VM, HOST, CLUSTER, USER or GROUP",
            "@1 NET+/* USE              | RESOURCE | RESOURCE: invalid value \"NET+/*\": empty resource type between + signs",
            "@1 NET/ USE                | RESOURCE | RESOURCE: invalid value \"NET/\": no scope after the /; expected #id, @gid, %cid or *",
            "@1 NET/x USE               | RESOURCE | RESOURCE: invalid value \"NET/x\": unknown scope x; expected #id, @gid, %cid or * after the /",
            "@1 NET/** USE              | RESOURCE | RESOURCE: invalid value \"NET/**\": unknown scope **; expected #id, @gid, %cid or * after the /",
            "@1 NET/#3/4 USE            | RESOURCE | RESOURCE: invalid value \"NET/#3/4\": expected a non-negative integer id after #",
            "@1 NET/%-1 USE             | RESOURCE | RESOURCE: invalid value \"NET/%-1\": expected a non-negative integer id after %",
            "@1 NET/@2147483648 USE     | RESOURCE | RESOURCE: invalid value \"NET/@2147483648\": id is larger than 2147483647",
            "@1 NET/* READ              | RIGHTS   | RIGHTS: invalid value \"READ\": unknown right READ; expected USE, MANAGE, ADMIN or CREATE",
            "@1 NET/* use+read          | RIGHTS   | RIGHTS: invalid value \"use+read\": unknown right read; expected USE, MANAGE, ADMIN or CREATE",
            "@1 NET/* USE+              | RIGHTS   | RIGHTS: invalid value \"USE+\": empty right between + signs",
            "@1 NET/#3 CREATE           | RIGHTS   | RIGHTS: invalid value \"CREATE\": CREATE cannot be granted on one object (#3): an object that does not exist yet has no id; use @gid, %cid or * instead",
            "* VNTEMPLATE/#0 use+create | RIGHTS   | RIGHTS: invalid value \"use+create\": CREATE cannot be granted on one object (#0): an object that does not exist yet has no id; use @gid, %cid or * instead",
            "@1 NET/* USE #1            | ZONE     | ZONE: invalid value \"#1\": there is one zone; expected #0 or * (or leave it out)",
            "@1 NET/* USE @0            | ZONE     | ZONE: invalid value \"@0\": there is one zone; expected #0 or * (or leave it out)",
            "@1 NET/* USE +MANAGE       | ZONE     | ZONE: invalid value \"+MANAGE\": there is one zone; expected #0 or * (or leave it out)",
            "@1 NET/* USE #x            | ZONE     | ZONE: invalid value \"#x\": expected a non-negative integer id after #",
    })
    void parseRefusesNamingThePartAndItsValue(String text, String field, String message) {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> AclRule.parse(ID, text));
        assertEquals(Optional.of(field), e.field());
        assertEquals(message, e.getMessage());
    }

    @Test
    void parseRefusesNull() {
        ValidationException e = assertThrowsExactly(ValidationException.class, () -> AclRule.parse(ID, null));
        assertEquals(Optional.of("ACL"), e.field());
    }

    static Stream<AclRule> everySubjectAndScope() {
        List<AclRule> rules = new ArrayList<>();
        for (Subject s : List.of(new Subject.User(5), new Subject.Group(1), new Subject.Everyone())) {
            for (Scope sc : List.of(new Scope.Object(3), new Scope.InGroup(1), new Scope.InCluster(100), new Scope.All())) {
                Set<AclRight> rights = sc instanceof Scope.Object ? Set.of(USE, ADMIN) : Set.of(CREATE, USE);
                rules.add(rule(s, Set.of(VM, NET), sc, rights));
            }
        }
        return rules.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySubjectAndScope")
    void textRoundTripsThroughParse(AclRule rule) {
        assertEquals(rule, AclRule.parse(ID, rule.text()));
    }

    private static final ObjectRef NET3_GROUP1_CLUSTER100 = ObjectRef.existing(3, 1, Set.of(100));
    private static final ObjectRef NET4_GROUP2 = ObjectRef.existing(4, 2, Set.of());
    private static final ObjectRef NET5_GROUP2_CLUSTERS0_100 = ObjectRef.existing(5, 2, Set.of(0, 100));
    private static final ObjectRef NO_GROUP_3 = new ObjectRef(OptionalInt.of(3), OptionalInt.empty(), Set.of());
    private static final ObjectRef NEW_IN_GROUP1 = ObjectRef.newInGroup(1);
    private static final ObjectRef NEW_IN_GROUP2 = ObjectRef.newInGroup(2);

    static Stream<Arguments> grantsTable() {
        return Stream.of(
                // subject kinds
                Arguments.of("#5 NET/* USE", 5, 1, NET, USE, NET3_GROUP1_CLUSTER100, true),
                Arguments.of("#5 NET/* USE", 6, 1, NET, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("#5 NET/* USE", 1, 5, NET, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("@1 NET/* USE", 6, 1, NET, USE, NET3_GROUP1_CLUSTER100, true),
                Arguments.of("@1 NET/* USE", 1, 2, NET, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("* NET/* USE", 9, 9, NET, USE, NET3_GROUP1_CLUSTER100, true),
                // scope #id
                Arguments.of("* NET/#3 USE", 9, 9, NET, USE, NET3_GROUP1_CLUSTER100, true),
                Arguments.of("* NET/#3 USE", 9, 9, NET, USE, NET4_GROUP2, false),
                Arguments.of("* NET/#3 USE", 9, 9, NET, USE, NO_GROUP_3, true),
                Arguments.of("* NET/#3 USE", 9, 9, NET, USE, NEW_IN_GROUP1, false),
                Arguments.of("#3 NET/#4 USE", 3, 1, NET, USE, NET3_GROUP1_CLUSTER100, false),
                // scope @gid
                Arguments.of("* NET/@1 USE", 9, 9, NET, USE, NET3_GROUP1_CLUSTER100, true),
                Arguments.of("* NET/@1 USE", 9, 1, NET, USE, NET4_GROUP2, false),
                Arguments.of("* NET/@1 USE", 9, 9, NET, USE, NO_GROUP_3, false),
                Arguments.of("* NET/@1 USE", 9, 9, NET, USE, NEW_IN_GROUP1, true),
                // scope %cid
                Arguments.of("* NET/%100 USE", 9, 9, NET, USE, NET3_GROUP1_CLUSTER100, true),
                Arguments.of("* NET/%100 USE", 9, 9, NET, USE, NET5_GROUP2_CLUSTERS0_100, true),
                Arguments.of("* NET/%100 USE", 9, 9, NET, USE, NET4_GROUP2, false),
                Arguments.of("* NET/%0 USE", 9, 9, NET, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("* NET/%100 CREATE", 9, 9, NET, CREATE, NEW_IN_GROUP1, false),
                // scope *
                Arguments.of("* NET/* USE", 9, 9, NET, USE, NO_GROUP_3, true),
                Arguments.of("* NET/* CREATE", 9, 9, NET, CREATE, NEW_IN_GROUP2, true),
                // type and right must both be listed
                Arguments.of("* NET/* USE", 9, 9, SECGROUP, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("* NET/* USE", 9, 9, NET, MANAGE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("* NET+SECGROUP/@1 USE+MANAGE", 9, 9, SECGROUP, MANAGE, NET3_GROUP1_CLUSTER100, true),
                Arguments.of("* NET+SECGROUP/@1 USE+MANAGE", 9, 9, VM, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("* NET+SECGROUP/@1 USE+MANAGE", 9, 9, NET, ADMIN, NET3_GROUP1_CLUSTER100, false),
                // CREATE as the spec's example grants it
                Arguments.of("@1 VNTEMPLATE/* CREATE", 5, 1, VNTEMPLATE, CREATE, NEW_IN_GROUP1, true),
                Arguments.of("@1 VNTEMPLATE/* CREATE", 5, 0, VNTEMPLATE, CREATE, NEW_IN_GROUP1, false),
                Arguments.of("@1 VNTEMPLATE/* CREATE", 5, 1, VNTEMPLATE, USE, NET3_GROUP1_CLUSTER100, false),
                Arguments.of("@1 VNTEMPLATE/* CREATE", 5, 1, SECGROUP, CREATE, NEW_IN_GROUP1, false),
                Arguments.of("@1 NET/@1 CREATE", 5, 1, NET, CREATE, NEW_IN_GROUP1, true),
                Arguments.of("@1 NET/@1 CREATE", 5, 1, NET, CREATE, NEW_IN_GROUP2, false));
    }

    @ParameterizedTest(name = "{0}: uid {1} gid {2} {3} {4} on {5} -> {6}")
    @MethodSource("grantsTable")
    void grantsNeedsSubjectTypeRightAndScopeToMatch(String text, int uid, int gid, ResourceType type,
                                                    AclRight right, ObjectRef object, boolean expected) {
        assertEquals(expected, AclRule.parse(ID, text).grants(uid, gid, type, right, object));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@1 VNTEMPLATE/* CREATE                 | members of group 1 may CREATE network templates (any)",
            "#5 NET/#3 USE                          | user 5 may USE network 3",
            "* NET+SECGROUP/@1 USE+MANAGE           | everyone may USE and MANAGE networks and security groups of group 1",
            "@100 NET/%0 USE                        | members of group 100 may USE networks in cluster 0",
            "#0 VM+SECGROUP+NET/#7 ADMIN+USE+MANAGE | user 0 may USE, MANAGE and ADMIN network 7, security group 7 and virtual machine 7",
            "* USER+GROUP+HOST+CLUSTER/* ADMIN      | everyone may ADMIN hosts, clusters, users and groups (any)",
    })
    void explainReadsAsASentence(String text, String sentence) {
        assertEquals(sentence, AclRule.parse(ID, text).explain());
    }

    @Test
    void constructorRefusesRulesThatGrantNothingOrCreateOnOneObject() {
        ValidationException noTypes = assertThrowsExactly(ValidationException.class,
                () -> rule(new Subject.Everyone(), Set.of(), new Scope.All(), Set.of(USE)));
        assertEquals(Optional.of("RESOURCE"), noTypes.field());
        ValidationException noRights = assertThrowsExactly(ValidationException.class,
                () -> rule(new Subject.Everyone(), Set.of(NET), new Scope.All(), Set.of()));
        assertEquals(Optional.of("RIGHTS"), noRights.field());
        ValidationException createOnObject = assertThrowsExactly(ValidationException.class,
                () -> rule(new Subject.Everyone(), Set.of(NET), new Scope.Object(3), Set.of(CREATE, USE)));
        assertEquals("RIGHTS: invalid value \"USE+CREATE\": CREATE cannot be granted on one object (#3): an object "
                + "that does not exist yet has no id; use @gid, %cid or * instead", createOnObject.getMessage());
    }

    @Test
    void idsMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Subject.User(-1));
        assertThrows(IllegalArgumentException.class, () -> new Subject.Group(-1));
        assertThrows(IllegalArgumentException.class, () -> new Scope.Object(-1));
        assertThrows(IllegalArgumentException.class, () -> new Scope.InGroup(-1));
        assertThrows(IllegalArgumentException.class, () -> new Scope.InCluster(-1));
        assertThrows(IllegalArgumentException.class, () -> AclRule.parse(-1, "* NET/* USE"));
    }

    @Test
    void typesAndRightsAreCopiedAndIteratedInEnumOrder() {
        Set<ResourceType> types = EnumSet.of(VM, HOST);
        AclRule r = rule(new Subject.Everyone(), types, new Scope.All(), Set.of(ADMIN, USE));
        types.add(CLUSTER);
        assertEquals(List.of(VM, HOST), List.copyOf(r.types()));
        assertEquals(List.of(USE, ADMIN), List.copyOf(r.rights()));
        assertThrows(UnsupportedOperationException.class, () -> r.types().add(USER));
        assertThrows(UnsupportedOperationException.class, () -> r.rights().add(MANAGE));
        assertEquals(ID, r.id());
    }

    @Test
    void newInGroupDescribesAnObjectWithoutIdOrClusters() {
        assertEquals(new ObjectRef(OptionalInt.empty(), OptionalInt.of(4), Set.of()), ObjectRef.newInGroup(4));
        assertEquals(Set.of(0, 100), NET5_GROUP2_CLUSTERS0_100.clusterIds());
    }

    private static AclRule rule(Subject user, Set<ResourceType> types, Scope scope, Set<AclRight> rights) {
        return new AclRule(ID, user, types, scope, rights);
    }
}
