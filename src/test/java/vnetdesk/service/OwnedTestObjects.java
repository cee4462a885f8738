package vnetdesk.service;

import java.util.Map;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.model.ResourceType;
import vnetdesk.template.TemplateParser;

/**
 * The objects of {@link AccessRightsTest}: user bob (group users) and, owned by
 * oneadmin with the default permissions 640 (nothing for bob), network
 * {@code net} (id 0), network {@code bobs} (id 1), template {@code tpl} (id 100)
 * and security group {@code sg} (id 100).
 */
final class OwnedTestObjects {

    private static final Map<String, Integer> IDS = Map.of("net", 0, "bobs", 1, "tpl", 100, "sg", 100);

    private OwnedTestObjects() {
    }

    static void populate(Inventory inv) {
        Actor admin = Actor.ONEADMIN;
        inv.users().createUser(admin, "bob", "users");
        inv.networks().create(admin, TemplateParser.parse("NAME = net\nVN_MAD = fw\n"
                + "AR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]\n", "test"));
        inv.networks().create(admin, TemplateParser.parse("NAME = bobs\nVN_MAD = fw\n", "test"));
        inv.templates().allocate(admin, TemplateParser.parse("NAME = tpl\nVN_MAD = bridge\n", "test"));
        inv.securityGroups().create(admin, TemplateParser.parse("NAME = sg\n"
                + "RULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = 22 ]\n", "test"));
    }

    /** Gives "other" USE on net, tpl and sg (so that a clone is refused only for CREATE). */
    static void letEveryoneUseTheObjects(Inventory inv, Actor bob) {
        Permissions p = new Permissions(0644);
        inv.networks().chmod(Actor.ONEADMIN, ObjectRef.name("net"), p);
        inv.templates().chmod(Actor.ONEADMIN, ObjectRef.name("tpl"), p);
        inv.securityGroups().chmod(Actor.ONEADMIN, ObjectRef.name("sg"), p);
    }

    static Permissions permissions(Inventory inv, String ref) {
        Actor admin = Actor.ONEADMIN;
        return switch (ref) {
            case "net", "bobs" -> inv.queries().details(admin, ObjectRef.name(ref),
                    0).network().ownership().permissions();
            case "tpl" -> inv.templates().info(admin, ObjectRef.name(ref)).ownership().permissions();
            case "sg" -> inv.securityGroups().show(admin,
                    ObjectRef.name(ref)).summary().group().ownership().permissions();
            default -> throw new IllegalArgumentException(ref);
        };
    }

    /** Grants bob the operation's right on its object, by a permission bit for "other" or by an ACL rule. */
    static void grant(Inventory inv, AccessRightsTest.Op op, AccessRightsTest.Grant grant) {
        Actor admin = Actor.ONEADMIN;
        int bob = inv.actor("bob").uid();
        String ref = switch (op.type()) {
            case NET -> "net";
            case VNTEMPLATE -> "tpl";
            case SECGROUP -> "sg";
            default -> throw new IllegalArgumentException(op.type().toString());
        };
        if (grant == AccessRightsTest.Grant.ACL_RULE) {
            String scope = op.right().equals("CREATE") ? "*" : "#" + IDS.get(ref);
            inv.users().addAcl(admin, "#" + bob + " " + op.type() + "/" + scope + " " + op.right());
            return;
        }
        int bit = switch (op.right()) {
            case "USE" -> 04;
            case "MANAGE" -> 02;
            case "ADMIN" -> 01;
            default -> throw new IllegalArgumentException(op.right());
        };
        Permissions p = new Permissions(permissions(inv, ref).bits() | bit);
        switch (op.type()) {
            case NET -> inv.networks().chmod(admin, ObjectRef.name(ref), p);
            case VNTEMPLATE -> inv.templates().chmod(admin, ObjectRef.name(ref), p);
            case SECGROUP -> inv.securityGroups().chmod(admin, ObjectRef.name(ref), p);
            default -> throw new IllegalArgumentException(op.type().toString());
        }
    }
}
