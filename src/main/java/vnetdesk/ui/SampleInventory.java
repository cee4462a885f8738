package vnetdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;


import vnetdesk.model.VnetException;
import vnetdesk.service.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.network.NetworkListViewModel;

/**
 * File → Load sample: loads {@code assets/sample/sample-inventory.json} (a
 * handful of networks of every driver and AR type, holds, VM leases and a
 * reservation) into an empty inventory, then adds through the services two
 * security groups (one on office-lan, which drops default), a network
 * template, a user and an ACL rule. An inventory with networks is left alone,
 * since the sample keeps its network ids.
 */
final class SampleInventory {

    static final String RESOURCE = "/assets/sample/sample-inventory.json";

    private SampleInventory() {
    }

    /** Reads the sample from the class path. */
    static String read() throws IOException {
        try (InputStream in = SampleInventory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new VnetException("the sample inventory " + RESOURCE + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Loads the sample into {@code inventory}; the ids of the networks created. */
    static List<Integer> load(Inventory inventory, Actor actor) throws IOException {
        if (!inventory.queries().list(actor).isEmpty() || inventory.securityGroups().list(actor).size() > 1
                || inventory.templates().list(actor).size() > 1 || inventory.users().users().size() > 1) {
            throw new VnetException("the sample is only loaded into an empty inventory (it keeps its network ids);"
                    + " open an empty one with --data NEW_FOLDER");
        }
        List<Integer> ids = inventory.interchange().importFile(actor, read(), "sample-inventory.json");
        addAccessObjects(inventory, actor);
        return ids;
    }

    private static void addAccessObjects(Inventory inventory, Actor actor) {
        int web = inventory.securityGroups().create(actor, template("""
                NAME = "web"
                DESCRIPTION = "Public web servers: HTTP(S) from anywhere, ping"
                RULE = [ PROTOCOL = "TCP", RULE_TYPE = "inbound", RANGE = "80,443" ]
                RULE = [ PROTOCOL = "ICMP", RULE_TYPE = "inbound", ICMP_TYPE = "8" ]
                RULE = [ PROTOCOL = "ALL", RULE_TYPE = "outbound" ]
                """));
        int admins = inventory.securityGroups().create(actor, template("""
                NAME = "ssh-from-mgmt"
                DESCRIPTION = "SSH and monitoring from the management network only"
                RULE = [ PROTOCOL = "TCP", RULE_TYPE = "inbound", RANGE = "22,9100:9110", NETWORK_ID = "5" ]
                RULE = [ PROTOCOL = "ICMPV6", RULE_TYPE = "inbound", ICMPV6_TYPE = "128" ]
                """));
        inventory.networks().update(actor, "office-lan", template("SECURITY_GROUPS = \"" + web + "," + admins + "\"\n"),
                true);
        inventory.templates().allocate(actor, template("""
                NAME = "Branch office"
                DESCRIPTION = "A branch LAN behind the site firewall; instantiate with its own /24"
                VN_MAD = "fw"
                SECURITY_GROUPS = "0"
                DNS = "10.10.0.53"
                """));
        inventory.users().createUser(actor, "alice", "users");
        inventory.users().addAcl(actor, "@1 VNTEMPLATE/* CREATE");
    }

    private static vnetdesk.template.Template template(String text) {
        return vnetdesk.template.TemplateParser.parse(text, "the sample");
    }

    static void offer(Dialogs dialogs, Inventory inventory, Actor actor, TaskRunner runner,
                      NetworkListViewModel list, IntConsumer changed) {
        if (!dialogs.confirm("Load sample inventory", "Load the sample inventory (networks of every driver and"
                + " address-range type, with holds, VM leases and a reservation)?")) {
            return;
        }
        runner.run("Loading the sample inventory", () -> load(inventory, actor), ids -> {
            list.reload();
            if (!ids.isEmpty()) {
                changed.accept(ids.get(0));
            }
        }, e -> dialogs.showError("Cannot load the sample", e));
    }
}
