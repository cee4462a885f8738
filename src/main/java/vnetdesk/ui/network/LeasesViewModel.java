package vnetdesk.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import vnetdesk.model.Actor;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService.FreeRange;
import vnetdesk.service.SecurityGroupService.VmStatus;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Leases tab: leases are read from the store a page at a time, in (AR,
 * index) order, as the table scrolls; a filter keeps reading pages in the
 * background until the network's end (or {@link #FILTER_SCAN_LIMIT} rows) so
 * it sees every lease. Also the network's free ranges.
 */
public final class LeasesViewModel {

    static final int PAGE = 1000;
    /** Rows a filter reads at most; a network with more leases is searched with who-holds-this. */
    static final int FILTER_SCAN_LIMIT = 200_000;
    static final int FREE_RANGES = 200;

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final ObservableList<LeaseRow> loaded = FXCollections.observableArrayList();
    private final FilteredList<LeaseRow> shown = new FilteredList<>(loaded, r -> true);
    private final ObservableList<FreeRange> freeRanges = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freeRangesMessage = new ReadOnlyStringWrapper("");
    private Runnable onChanged = () -> { };
    private int networkId = -1;
    private boolean failed;
    /** Bumped on every (re)load so pages of an earlier network or filter are dropped. */
    private int generation;

    /** One page as read, with the VMs' security-group states once they are known. */
    private record Page(List<LeaseRow> rows, Optional<Map<Integer, VmStatus>> sgStates) {
    }

    /** Where reading starts: the network's first lease, or a lease the address map asked for. */
    private record Start(int arId, OptionalLong afterIndex) {
        static final Start FIRST = new Start(0, OptionalLong.empty());
    }

    /** A lease by its key. */
    private record Position(int arId, long index) {
        boolean of(LeaseRow r) {
            return r.arId() == arId && r.index() == index;
        }
    }

    private Start start = Start.FIRST;
    /** The lease to select once read; empty when none is asked for. */
    private Optional<Position> wanted = Optional.empty();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Optional<LeaseRow>> selectRequest =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper from = new ReadOnlyStringWrapper("");

    /** The SG states of the shown network's VMs, read with the first page that has a VM lease. */
    private Optional<Map<Integer, VmStatus>> sgStates = Optional.empty();

    public LeasesViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        filter.addListener((o, was, now) -> {
            shown.setPredicate(r -> r.matches(now));
            if (!now.isBlank()) {
                loadMore();
            }
        });
        filter.addListener(x -> updateEmptyMessage());
        loading.addListener(x -> updateEmptyMessage());
        complete.addListener(x -> updateEmptyMessage());
        updateEmptyMessage();
    }

    /** What an empty table means: still reading, a filter that matches nothing, or really no lease. */
    private void updateEmptyMessage() {
        String f = filter.get().trim();
        if (failed) {
            emptyMessage.set("The leases could not be read.");
        } else if (!f.isEmpty()) {
            emptyMessage.set(complete.get() ? "No lease matches \u201c" + f + "\u201d."
                    : loading.get() ? "Searching the leases for \u201c" + f + "\u201d…"
                    : "No lease matches \u201c" + f + "\u201d in the first " + loaded.size()
                            + " leases; look a single address up with who-holds-this.");
        } else {
            emptyMessage.set(complete.get() ? "No leases: every address of this network is free."
                    : "Reading the leases…");
        }
    }

    /** Shows network {@code id}: drops what was loaded and reads the first page and the free ranges. */
    public void show(int id) {
        start = Start.FIRST;
        wanted = Optional.empty();
        from.set("");
        restart(id);
    }

    /**
     * Selects the lease at {@code index} of AR {@code arId} (the address map's
     * click): at once when it is read, else the table is read again from that
     * lease on (the leases before it are then not listed; {@link #show} lists all
     * again), and it is selected when its page arrives. A filter is cleared.
     */
    public void select(int arId, long index) {
        filter.set("");
        Optional<LeaseRow> row = loaded.stream().filter(new Position(arId, index)::of).findFirst();
        if (row.isPresent()) {
            requestSelection(row.get());
            return;
        }
        start = new Start(arId, index == 0 ? OptionalLong.empty() : OptionalLong.of(index - 1));
        wanted = Optional.of(new Position(arId, index));
        restart(networkId);
    }

    private void requestSelection(LeaseRow row) {
        selectRequest.set(Optional.empty()); // the same row asked twice is still a change
        selectRequest.set(Optional.of(row));
    }

    private void restart(int id) {
        networkId = id;
        generation++;
        sgStates = Optional.empty();
        loaded.clear();
        freeRanges.clear();
        complete.set(false);
        loading.set(false);
        failed = false;
        updateEmptyMessage();
        loadMore();
        int gen = generation;
        freeRangesMessage.set("Reading the free addresses…");
        runner.run("Reading free addresses", () -> inventory.queries().freeRanges(actor, ObjectRef.id(id), FREE_RANGES),
                ranges -> {
                    if (gen == generation) {
                        freeRanges.setAll(ranges);
                        freeRangesMessage.set("No free addresses");
                    }
                }, e -> {
                    if (gen == generation) {
                        freeRangesMessage.set("The free addresses could not be read");
                    }
                    dialogs.showError("Cannot read the free addresses of network " + id, e);
                });
    }

    /** Reads the next page unless everything is loaded or a read is under way (the table calls this near its end). */
    public void loadMore() {
        if (networkId < 0 || complete.get() || loading.get() || failed) {
            return;
        }
        loading.set(true);
        int gen = generation;
        int afterAr = loaded.isEmpty() ? start.arId() : loaded.get(loaded.size() - 1).arId();
        OptionalLong afterIndex = loaded.isEmpty() ? start.afterIndex()
                : OptionalLong.of(loaded.get(loaded.size() - 1).index());
        ObjectRef ref = ObjectRef.id(networkId);
        Optional<Map<Integer, VmStatus>> known = sgStates;
        runner.run("Reading leases", () -> {
            List<Lease> page = inventory.queries().leasePage(actor, ref, afterAr, afterIndex, PAGE);
            Map<String, String> names = inventory.queries().ownerDescriptions(page);
            // the states of the network's VMs are read once per showing, by the first page that needs them
            Optional<Map<Integer, VmStatus>> states = known.isPresent()
                    || page.stream().noneMatch(l -> l.owner() instanceof LeaseOwner.VmNic) ? known
                    : Optional.of(inventory.securityGroups().vmStatesOn(actor, ref));
            List<LeaseRow> rows = new ArrayList<>(page.size());
            page.forEach(l -> rows.add(LeaseRow.of(l, names, states.orElse(Map.of()))));
            return new Page(rows, states);
        }, result -> {
            if (gen != generation) {
                return;
            }
            List<LeaseRow> rows = result.rows();
            sgStates = result.sgStates();
            loading.set(false);
            if (loaded.isEmpty() && start != Start.FIRST && !rows.isEmpty()) {
                from.set(rows.get(0).address());
            }
            loaded.addAll(rows);
            wanted.flatMap(w -> rows.stream().filter(w::of).findFirst())
                    .ifPresent(r -> {
                        wanted = Optional.empty();
                        requestSelection(r);
                    });
            if (rows.size() < PAGE) {
                complete.set(true);
            } else if (!filter.get().isBlank() && loaded.size() < FILTER_SCAN_LIMIT) {
                loadMore();
            }
        }, e -> {
            if (gen != generation) {
                return;
            }
            failed = true; // no automatic retries from scrolling; show() or reload() starts again
            loading.set(false);
            dialogs.showError("Cannot read the leases of network " + networkId, e);
        });
    }

    /** Whether these rows can be released: at least one, and all of them holds. */
    public static boolean releasable(List<LeaseRow> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(LeaseRow::held);
    }

    /**
     * Releases the selected held leases after asking; leases of VMs and
     * reservations are not released here (detach the NIC, delete the
     * reservation), so a selection with any of them is refused with the reason.
     */
    public void release(List<LeaseRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!releasable(rows)) {
            LeaseRow other = rows.stream().filter(r -> !r.held()).findFirst().orElseThrow();
            dialogs.notify("Only held addresses are released here: " + other.address() + " is used by "
                    + other.owner() + (other.ownerName().isEmpty() ? "" : " (" + other.ownerName() + ")"));
            return;
        }
        List<String> addresses = rows.stream().map(LeaseRow::address).toList();
        boolean one = addresses.size() == 1;
        String what = one ? addresses.get(0) : addresses.size() + " held addresses";
        if (!dialogs.confirm("Release", "Release " + what + "? " + (one ? "It becomes" : "They become")
                + " free for any VM.")) {
            return;
        }
        int id = networkId;
        runner.run("Releasing " + what, () -> inventory.leases().release(actor, ObjectRef.id(id), addresses,
                java.util.Optional.empty()), n -> {
                    dialogs.notify(n + (n == 1 ? " address" : " addresses") + " released");
                    reload();
                    onChanged.run();
                }, e -> dialogs.showError("Cannot release " + what, e));
    }

    /** Reads the network again from the start (after a hold, release or reservation). */
    public void reload() {
        if (networkId >= 0) {
            show(networkId);
        }
    }

    /** Runs after this tab changed leases itself (a release), so other views can refresh. */
    public void setOnChanged(Runnable r) {
        onChanged = r;
    }

    public ObservableList<LeaseRow> rows() {
        return shown;
    }

    /** Rows read so far (unfiltered). */
    public int loadedCount() {
        return loaded.size();
    }

    public ObservableList<FreeRange> freeRanges() {
        return freeRanges;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** True when every lease of the network has been read. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** What the table says while it shows no row. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    /** What the free-range lists say while they show no range: read yet or not. */
    public ReadOnlyStringProperty freeRangesMessageProperty() {
        return freeRangesMessage.getReadOnlyProperty();
    }

    /** A lease to select in the table (set by {@link #select}); the same lease asked again is set again. */
    public javafx.beans.property.ReadOnlyObjectProperty<Optional<LeaseRow>> selectRequestProperty() {
        return selectRequest.getReadOnlyProperty();
    }

    /** The address the table starts at when it was read from a selected lease on; empty when from the start. */
    public ReadOnlyStringProperty fromProperty() {
        return from.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
