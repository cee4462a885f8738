package vnetdesk.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.template.TemplateParser;
import vnetdesk.ui.common.QueuedTaskRunner;
import vnetdesk.ui.common.ViewModelTestBase;
import vnetdesk.ui.network.HoldViewModel.State;

/** Hold, release, reserve and the paged Leases tab, without the toolkit, on a real inventory. */
class LeaseFlowsViewModelTest extends ViewModelTestBase {

    private int lan;

    @BeforeEach
    void networks() {
        lan = inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = lan\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.1, SIZE = 100 ]\n", "t"));
        inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = other\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 192.168.9.1, SIZE = 10 ]\n", "t"));
        inventory.leases().allocate(ADMIN, ObjectRef.name("lan"), new LeaseOwner.VmNic(7, 0), Optional.of("10.0.0.5"),
                Optional.empty());
    }

    private List<String> held() {
        return inventory.queries().leasePage(ADMIN, ObjectRef.name("lan"), 0, java.util.OptionalLong.empty(),
                1000).stream()
                .filter(l -> l.owner() instanceof LeaseOwner.Hold).map(l -> l.addresses().primary()).toList();
    }

    @Test
    void holdChecksEachAddressLiveAndOnlyHoldsWhenAllAreFree() {
        HoldViewModel hold = new HoldViewModel(inventory, ADMIN, runner, lan);
        hold.inputProperty().set("10.0.0.2, 10.0.0.5 192.168.9.1 10.0.0.999");
        List<HoldViewModel.Check> checks = hold.checks();
        assertEquals(List.of(State.FREE, State.USED, State.OUTSIDE, State.INVALID),
                checks.stream().map(HoldViewModel.Check::state).toList());
        assertTrue(checks.get(1).detail().contains("VM:7 NIC:0"), checks.get(1).detail());
        assertTrue(checks.get(3).detail().contains("\"10.0.0.999\""), checks.get(3).detail());
        assertFalse(hold.canHoldBinding().get());
        List<Lease> made = new ArrayList<>();
        hold.hold(made::addAll);
        assertEquals(List.of(), made);
        assertEquals(List.of(), held(), "nothing held while any address is refused");

        hold.inputProperty().set("10.0.0.2\n10.0.0.3 10.0.0.10-10.0.0.12");
        assertEquals(List.of(State.FREE, State.FREE, State.FREE),
                hold.checks().stream().map(HoldViewModel.Check::state).toList());
        assertEquals("all 3 addresses free", hold.checks().get(2).detail());
        assertTrue(hold.canHoldBinding().get());
        hold.hold(made::addAll);
        assertEquals(5, made.size());
        assertEquals(List.of("10.0.0.2", "10.0.0.3", "10.0.0.10", "10.0.0.11", "10.0.0.12"), held());
        assertEquals("", hold.inputProperty().get(), "the dialog is ready for the next hold");
    }

    @Test
    void aShortRangeIsCheckedAddressByAddressAndALongOneIsLeftToTheService() {
        HoldViewModel hold = new HoldViewModel(inventory, ADMIN, runner, lan);
        hold.inputProperty().set("10.0.0.4-10.0.0.6");
        assertEquals(State.USED, hold.checks().get(0).state());
        assertEquals("1 of 3 addresses in use, e.g. 10.0.0.5 used by VM:7 NIC:0", hold.checks().get(0).detail());
        assertFalse(hold.canHoldBinding().get());
        hold.inputProperty().set("10.0.0.99-10.0.0.101");
        assertEquals(State.OUTSIDE, hold.checks().get(0).state(), hold.checks().toString());

        inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = big\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.9.0.1, SIZE = 3000 ]\n", "t"));
        inventory.leases().allocate(ADMIN, ObjectRef.name("big"), new LeaseOwner.VmNic(8, 0), Optional.of("10.9.4.0"),
                Optional.empty());
        int big = inventory.queries().details(ADMIN, ObjectRef.name("big"), 0).network().id();
        HoldViewModel longRange = new HoldViewModel(inventory, ADMIN, runner, big);
        longRange.inputProperty().set("10.9.0.1-10.9.7.208"); // 2,000 addresses
        assertEquals(State.RANGE, longRange.checks().get(0).state());
        assertTrue(longRange.canHoldBinding().get(), "a long range is checked by the service");
        longRange.hold(l -> { });
        assertTrue(longRange.errorProperty().get().contains("10.9.4.0"), longRange.errorProperty().get());
        assertEquals(1, inventory.queries().details(ADMIN, ObjectRef.name("big"), 0).usedLeases(), "nothing held");
    }

    @Test
    void aCheckOfTextChangedBeforeItRanIsCancelledAndOnlyTheLatestRuns() {
        QueuedTaskRunner queued = new QueuedTaskRunner();
        HoldViewModel hold = new HoldViewModel(inventory, ADMIN, queued, lan);
        hold.inputProperty().set("10.0.0.2");
        hold.inputProperty().set("10.0.0.5");
        assertEquals(1, queued.running().get(), "the check of \"10.0.0.2\" was cancelled before it ran");
        queued.runAll();
        assertEquals(List.of(new HoldViewModel.Check("10.0.0.5", State.USED, "used by VM:7 NIC:0")), hold.checks());
        assertFalse(hold.checkingProperty().get());
    }

    @Test
    void releaseAsksThenFreesOnlyHeldRowsAndRefusesOthersWithTheReason() {
        inventory.leases().hold(ADMIN, ObjectRef.name("lan"), List.of("10.0.0.20", "10.0.0.21"), Optional.empty());
        LeasesViewModel leases = new LeasesViewModel(inventory, ADMIN, runner, dialogs);
        leases.show(lan);
        List<LeaseRow> rows = List.copyOf(leases.rows());
        assertEquals(3, rows.size());
        LeaseRow vm = rows.stream().filter(r -> !r.held()).findFirst().orElseThrow();
        List<LeaseRow> holds = rows.stream().filter(LeaseRow::held).toList();
        assertEquals("outdated", vm.sgState(), "the VM's firewall never got the default group's rules");
        assertEquals("", holds.get(0).sgState(), "a hold has no firewall");

        leases.release(List.of(vm, holds.get(0)));
        assertTrue(dialogs.notices.get(0).contains("10.0.0.5 is used by VM:7 NIC:0"), dialogs.notices.toString());
        assertEquals(2, held().size());

        dialogs.answer(false);
        leases.release(holds);
        assertEquals(2, held().size(), "answering no releases nothing");
        assertEquals("Release 2 held addresses? They become free for any VM.", dialogs.questions.get(0));

        dialogs.answer(true);
        leases.release(List.of(holds.get(0)));
        assertEquals("Release " + holds.get(0).address() + "? It becomes free for any VM.", dialogs.questions.get(1));
        assertEquals("1 address released", dialogs.notices.get(1));
        assertEquals(1, held().size());

        inventory.leases().hold(ADMIN, ObjectRef.name("lan"), List.of(holds.get(0).address()), Optional.empty());
        dialogs.answer(true);
        leases.release(holds);
        assertEquals("2 addresses released", dialogs.notices.get(2));
        assertEquals(List.of(), held());
        assertEquals(1, leases.rows().size(), "the tab reloaded");
    }

    @Test
    void theReserveDialogOpensWithoutScoldingAndSaysWhatAnEditMadeWrong() {
        ReserveViewModel reserve = new ReserveViewModel(inventory, ADMIN, runner, lan);
        assertEquals("", reserve.errorProperty().get(), "nothing typed yet: no error");
        assertFalse(reserve.validBinding().get(), "but nothing to reserve into yet either");
        reserve.intoExistingProperty().set(true);
        assertEquals("", reserve.errorProperty().get(), "choosing an existing reservation does not scold either");
        reserve.intoProperty().set("x");
        reserve.intoProperty().set("");
        assertTrue(reserve.errorProperty().get().startsWith("--into"), reserve.errorProperty().get());
        reserve.intoExistingProperty().set(false);
        reserve.nameProperty().set("w");
        reserve.nameProperty().set("");
        assertTrue(reserve.errorProperty().get().startsWith("NAME"), reserve.errorProperty().get());
    }

    @Test
    void reserveValidatesTheFieldsAndCreatesTheReservationNetwork() {
        ReserveViewModel reserve = new ReserveViewModel(inventory, ADMIN, runner, lan);
        reserve.sizeProperty().set("0");
        reserve.nameProperty().set("web");
        assertFalse(reserve.validBinding().get());
        assertTrue(reserve.errorProperty().get().contains("SIZE"), reserve.errorProperty().get());
        reserve.sizeProperty().set("4");
        reserve.nameProperty().set("");
        assertTrue(reserve.errorProperty().get().startsWith("NAME"), reserve.errorProperty().get());
        reserve.nameProperty().set("web");
        reserve.firstAddressProperty().set("10.0.0.50");
        assertTrue(reserve.validBinding().get());
        List<Integer> made = new ArrayList<>();
        reserve.reserve(made::add);
        assertEquals(1, made.size());
        var child = inventory.queries().details(ADMIN, ObjectRef.id(made.get(0)), 0).network();
        assertEquals("web", child.name());
        assertEquals("10.0.0.50", child.addressRanges().get(0).addressesAt(0).primary());
        assertEquals(4, child.addressRanges().get(0).size().intValue());

        reserve.nameProperty().set("web2");
        reserve.firstAddressProperty().set("10.0.0.5");
        reserve.reserve(made::add);
        assertEquals(1, made.size(), "the used address refused the second reservation");
        assertTrue(reserve.errorProperty().get().contains("10.0.0.5"), reserve.errorProperty().get());
    }

    @Test
    void theLeasesTabReadsPagesAsItScrollsAndAFilterReadsToTheEnd() {
        int big = inventory.networks().create(ADMIN, TemplateParser.parse(
                "NAME = big\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.1.0.1, SIZE = 5000 ]\n", "t"));
        inventory.leases().hold(ADMIN, ObjectRef.name("big"), List.of("10.1.0.1-10.1.9.196"),
                Optional.empty()); // 2,500
        inventory.leases().allocate(ADMIN, ObjectRef.name("big"), new LeaseOwner.VmNic(42, 1),
                Optional.of("10.1.19.135"), Optional.empty());
        LeasesViewModel leases = new LeasesViewModel(inventory, ADMIN, runner, dialogs);
        leases.show(big);
        assertEquals(LeasesViewModel.PAGE, leases.loadedCount(), "only the first page is read on opening");
        assertFalse(leases.completeProperty().get());
        leases.loadMore();
        assertEquals(2 * LeasesViewModel.PAGE, leases.loadedCount());
        leases.filterProperty().set("VM:42");
        assertTrue(leases.completeProperty().get(), "the filter read every page");
        assertEquals(2501, leases.loadedCount());
        assertEquals(1, leases.rows().size());
        assertEquals("10.1.19.135", leases.rows().get(0).ip());
        assertFalse(leases.freeRanges().isEmpty());
        assertEquals("10.1.9.197", leases.freeRanges().get(0).first().primary());
    }
}
