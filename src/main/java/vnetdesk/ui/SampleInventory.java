package vnetdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

import vnetdesk.model.Actor;
import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * File → Load sample: loads {@code assets/sample/sample-inventory.json}, a
 * whole-inventory backup (a handful of networks of every driver and AR type,
 * holds, VM leases and a reservation; two security groups, one on office-lan
 * instead of default; a network template, a user and an ACL rule; two clusters,
 * two hosts and four VMs, one running with a dual-stack NIC, one waiting for
 * automatic network selection) into an empty inventory, in one transaction. An inventory with objects of its own is
 * left alone, since the sample keeps its ids.
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
                || inventory.templates().list(actor).size() > 1 || inventory.users().users().size() > 1
                || !inventory.hosts().list(actor).isEmpty() || !inventory.vms().list(actor).isEmpty()) {
            throw new VnetException("the sample is only loaded into an empty inventory (it keeps its network ids);"
                    + " open an empty one with --data NEW_FOLDER");
        }
        return inventory.interchange().importFile(actor, read(), "sample-inventory.json");
    }

    static void offer(Dialogs dialogs, Inventory inventory, Actor actor, TaskRunner runner, IntConsumer changed) {
        if (!dialogs.confirm("Load sample inventory", "Load the sample inventory (networks of every driver and"
                + " address-range type, with holds, VM leases and a reservation, hosts and VMs)?")) {
            return;
        }
        runner.run("Loading the sample inventory", () -> load(inventory, actor), ids -> {
            if (!ids.isEmpty()) {
                changed.accept(ids.get(0));
            }
        }, e -> dialogs.showError("Cannot load the sample", e));
    }
}
