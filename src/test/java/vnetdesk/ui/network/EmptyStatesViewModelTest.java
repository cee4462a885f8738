package vnetdesk.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.QueuedTaskRunner;
import vnetdesk.ui.common.ViewModelTestBase;

/** What the network list and the Leases tab say while they show nothing: only what is true (issue 13). */
class EmptyStatesViewModelTest extends ViewModelTestBase {

    private final QueuedTaskRunner queued = new QueuedTaskRunner();

    private int lan() {
        return inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 4 ]\n", "t"));
    }

    @Test
    void whileTheLeasesAreReadTheTabSaysSoAndNeitherThatAllIsFreeNorThatNothingIs() {
        int lan = lan();
        LeasesViewModel leases = new LeasesViewModel(inventory, ADMIN, queued, dialogs);
        leases.show(lan);
        assertEquals("Reading the leases…", leases.emptyMessageProperty().get());
        assertEquals("Reading the free addresses…", leases.freeRangesMessageProperty().get());
        queued.runAll();
        assertEquals("No leases: every address of this network is free.", leases.emptyMessageProperty().get());
        assertEquals(1, leases.freeRanges().size());
    }

    @Test
    void aFilterThatMatchesNothingSaysSoNotThatEveryAddressIsFree() {
        int lan = lan();
        inventory.leases().hold(ADMIN, ObjectRef.id(lan), List.of("10.0.0.2"), Optional.empty());
        LeasesViewModel leases = new LeasesViewModel(inventory, ADMIN, runner, dialogs);
        leases.show(lan);
        leases.filterProperty().set("VM:99");
        assertEquals(List.of(), leases.rows());
        assertEquals("No lease matches \u201cVM:99\u201d.", leases.emptyMessageProperty().get());
        leases.filterProperty().set("");
        assertEquals(1, leases.rows().size());
    }

    @Test
    void theNetworkListSaysLoadingThenNoMatchForAFilter() {
        lan();
        NetworkListViewModel list = new NetworkListViewModel(inventory, ADMIN, queued, dialogs);
        list.reload();
        assertEquals("Loading the networks…", list.emptyMessageBinding().get());
        queued.runAll();
        list.filterProperty().set("nomatch");
        assertEquals(List.of(), list.rows());
        assertEquals("No network matches \u201cnomatch\u201d.", list.emptyMessageBinding().get());
    }

    @Test
    void onlyAnAdministratorOfAnEmptyInventoryIsOfferedTheSample() {
        NetworkListViewModel admin = new NetworkListViewModel(inventory, ADMIN, runner, dialogs);
        admin.reload();
        assertTrue(admin.emptyMessageBinding().get().contains("Load sample"), admin.emptyMessageBinding().get());

        lan();
        inventory.users().createUser(ADMIN, "bob", "users");
        Actor bob = inventory.actor("bob");
        NetworkListViewModel list = new NetworkListViewModel(inventory, bob, runner, dialogs);
        list.reload();
        assertEquals(List.of(), list.rows(), "bob may see no network");
        assertFalse(list.emptyMessageBinding().get().contains("sample"), list.emptyMessageBinding().get());
        assertTrue(list.emptyMessageBinding().get().startsWith("No virtual network you may see"),
                list.emptyMessageBinding().get());
    }
}
