package vnetdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetdesk.model.AclRule;
import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/**
 * Deleting a network deletes the ACL rules for it alone, as OpenNebula's {@code del_resource_rules}
 * does, so an administrator's import that keeps the id later does not inherit them.
 */
class NetworkDeleteAclRulesTest {

    private static final Actor ADMIN = Actor.ONEADMIN;

    @TempDir
    Path dir;

    @Test
    void theRulesForTheDeletedNetworkAloneGo() {
        try (Inventory inv = Inventory.openDirectory(dir.resolve("inv"))) {
            int bob = inv.users().createUser(ADMIN, "bob", "users");
            int gone = inv.networks().create(ADMIN, TemplateParser.parse("NAME = gone\nVN_MAD = bridge\n", "t"));
            int kept = inv.networks().create(ADMIN, TemplateParser.parse("NAME = kept\nVN_MAD = bridge\n", "t"));
            inv.users().addAcl(ADMIN, "#" + bob + " NET/#" + gone + " USE+MANAGE");
            inv.users().addAcl(ADMIN, "@1 NET/#" + gone + " USE");
            inv.users().addAcl(ADMIN, "#" + bob + " NET/#" + kept + " USE");
            inv.users().addAcl(ADMIN, "#" + bob + " NET+SECGROUP/#" + gone + " USE");
            List<String> before = texts(inv);
            inv.networks().delete(ADMIN, ObjectRef.id(gone));
            List<String> expected = before.stream().filter(t -> !t.contains(" NET/#" + gone + " ")).toList();
            assertEquals(before.size() - 2, expected.size(), before.toString());
            assertEquals(expected, texts(inv));
        }
    }

    private static List<String> texts(Inventory inv) {
        return inv.users().acls().stream().map(AclRule::text).toList();
    }
}
