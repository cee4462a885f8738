package vnetdesk.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.Lease;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;

/** A fresh inventory in a temp folder and shorthands for service tests. */
abstract class ServiceTestSupport {

    static final Actor ADMIN = Actor.ONEADMIN;

    static Inventory open(Path dir) {
        return Inventory.openDirectory(dir.resolve("inventory"));
    }

    static int create(Inventory inv, String template) {
        return inv.networks().create(ADMIN, TemplateParser.parse(template, "test"));
    }

    static List<Lease> hold(Inventory inv, String net, String... addresses) {
        return inv.leases().hold(ADMIN, network(net), List.of(addresses), Optional.empty());
    }

    static long used(Inventory inv, String net) {
        return inv.queries().details(ADMIN, network(net), 0).usedLeases();
    }

    /** A network named as the CLI reads NET: digits are an id, anything else a name. */
    static ObjectRef network(String net) {
        return ObjectRef.parse("NETWORK", net);
    }

    static int networkCount(Inventory inv) {
        return inv.queries().list(ADMIN).size();
    }
}
