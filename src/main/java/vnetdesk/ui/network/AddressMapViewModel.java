package vnetdesk.ui.network;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.service.AddressMap;
import vnetdesk.service.AddressMap.Cell;
import vnetdesk.service.AddressMap.Kind;
import vnetdesk.service.AddressMap.Window;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.TaskHandle;
import vnetdesk.ui.common.TaskRunner;

/**
 * The address map of one AR: which window is shown (the whole range, or a
 * block zoomed into, with the way back), the map read for it in the
 * background, what a cell's tooltip says, and what a click on a cell does —
 * zoom into a block, select the lease of a used address, offer to hold a free one.
 */
public final class AddressMapViewModel {

    /** At most this many cells: one per address up to a /22. */
    public static final int MAX_CELLS = 1024;

    /** What a click on a single address asks of the network view. */
    public interface Actions {
        /** Show the lease at {@code index} of AR {@code arId} in the Leases tab. */
        void selectLease(int arId, long index);

        /** Open Hold with {@code address} filled in. */
        void hold(String address);
    }

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Optional<AddressMap>> map = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper scale = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canZoomOut = new ReadOnlyBooleanWrapper(false);
    /** The windows zoomed out of, innermost last. */
    private final Deque<Window> outer = new ArrayDeque<>();
    private Actions actions = new Actions() {
        @Override
        public void selectLease(int arId, long index) {
        }

        @Override
        public void hold(String address) {
        }
    };
    private int networkId = -1;
    private int arId = -1;
    private long arLastIndex;
    private Window window = Window.whole(0);
    /** Bumped on every read, so an answer for an earlier window or AR is dropped. */
    private int generation;
    private int hovered = -1;
    private Optional<TaskHandle> usageRead = Optional.empty();

    public AddressMapViewModel(Inventory inventory, Actor actor, TaskRunner runner) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
    }

    public void setActions(Actions actions) {
        this.actions = actions;
    }

    /**
     * Shows AR {@code arId} of network {@code networkId}, whose last index is
     * {@code lastIndex}: the whole range, or the same window again when that
     * AR is already shown (after a hold or release the zoom stays).
     */
    public void show(int networkId, int arId, long lastIndex) {
        boolean same = networkId == this.networkId && arId == this.arId && lastIndex == arLastIndex;
        this.networkId = networkId;
        this.arId = arId;
        this.arLastIndex = lastIndex;
        if (!same) {
            outer.clear();
            window = Window.whole(lastIndex);
        }
        read();
    }

    /** Shows nothing (a network without ARs, or a new one). */
    public void clear() {
        networkId = -1;
        arId = -1;
        generation++;
        outer.clear();
        map.set(Optional.empty());
        scale.set("");
        message.set("No address range to draw.");
        canZoomOut.set(false);
        hover(-1);
    }

    private void read() {
        int gen = ++generation;
        int net = networkId;
        int ar = arId;
        Window w = window;
        canZoomOut.set(!outer.isEmpty());
        message.set("Reading the addresses…");
        hover(-1);
        runner.run("Drawing the address map of network " + net, () -> inventory.queries().addressMap(actor,
                ObjectRef.id(net), ar, w, MAX_CELLS), m -> {
                    if (gen == generation) {
                        map.set(Optional.of(m));
                        scale.set(describeScale(m));
                        message.set("");
                    }
                }, e -> {
                    if (gen == generation) {
                        map.set(Optional.empty());
                        message.set("The address map could not be read: " + e.getMessage());
                    }
                });
    }

    /** "10.0.0.1 – 10.255.255.254: 16,777,214 addresses, 65,537 used · 1 cell = 16,384 addresses". */
    static String describeScale(AddressMap m) {
        Cell first = m.cells().get(0);
        Cell last = m.cells().get(m.cells().size() - 1);
        return first.from() + " – " + last.to() + ": " + count(m.window().size()) + " addresses, "
                + count(BigInteger.valueOf(m.used())) + " used · 1 cell = " + count(m.cellSize())
                + (m.singleAddresses() ? " address" : " addresses");
    }

    /** A number with thousands separators; 2^n beyond what one reads at a glance. */
    static String count(BigInteger n) {
        if (n.bitLength() > 40 && n.bitCount() == 1) {
            return "2^" + (n.bitLength() - 1);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A click on cell {@code i}: a block is zoomed into; a used address selects
     * its lease; a free address offers Hold.
     */
    public void activate(int i) {
        Optional<Cell> cell = cell(i);
        if (cell.isEmpty()) {
            return;
        }
        Cell c = cell.get();
        if (!map.get().orElseThrow().singleAddresses()) {
            zoomInto(i);
        } else if (c.used() > 0) {
            actions.selectLease(arId, c.first());
        } else {
            actions.hold(c.from());
        }
    }

    /** Shows the block of cell {@code i} in finer cells (down to one address per cell). */
    public void zoomInto(int i) {
        Optional<Cell> cell = cell(i);
        if (cell.isEmpty() || map.get().orElseThrow().singleAddresses()) {
            return;
        }
        outer.push(window);
        window = Window.zoomInto(cell.get(), MAX_CELLS);
        read();
    }

    /** Back to the window zoomed out of. */
    public void zoomOut() {
        if (!outer.isEmpty()) {
            window = outer.pop();
            read();
        }
    }

    /**
     * The pointer is over cell {@code i} (-1: over none): the tooltip says what
     * the cell is; for a block its leases per owner kind are read and added.
     */
    public void hover(int i) {
        if (i == hovered) {
            return;
        }
        hovered = i;
        usageRead.ifPresent(TaskHandle::cancel);
        usageRead = Optional.empty();
        Optional<Cell> cell = cell(i);
        if (cell.isEmpty()) {
            tooltip.set("");
            return;
        }
        Cell c = cell.get();
        if (map.get().orElseThrow().singleAddresses()) {
            tooltip.set(describeAddress(c));
            return;
        }
        String base = describeBlock(c);
        tooltip.set(base);
        if (c.used() == 0) {
            return;
        }
        int gen = generation;
        int net = networkId;
        int ar = arId;
        usageRead = Optional.of(runner.run("Counting the leases of " + c.from() + " – " + c.to(),
                () -> inventory.queries().blockUsage(actor, ObjectRef.id(net), ar, c.window()), usage -> {
                    if (gen == generation && hovered == i) {
                        tooltip.set(base + " (" + byKind(usage) + ")");
                    }
                }, e -> {
                    if (gen == generation && hovered == i) {
                        tooltip.set(base + " (the owners could not be counted: " + e.getMessage() + ")");
                    }
                }));
    }

    /** "10.0.0.5 (MAC 02:00:0a:00:00:05): VM 12 NIC 0 (web-1)"; an Ethernet range's MAC is said once. */
    static String describeAddress(Cell c) {
        String mac = c.mac().filter(m -> !m.equals(c.from())).map(m -> " (MAC " + m + ")").orElse("");
        return c.from() + mac + ": " + c.owner().map(AddressMap.Owner::description)
                .orElse(c.used() > 0 ? "used" : "free — click to hold");
    }

    /** "10.0.4.0 – 10.0.7.255: 812 used of 1,024". */
    static String describeBlock(Cell c) {
        return c.from() + " – " + c.to() + ": " + count(c.used()) + " used of " + count(c.size());
    }

    /** "HOLD 12, VM 800, NET 4". */
    static String byKind(Map<Kind, Long> usage) {
        return usage.entrySet().stream().map(e -> (e.getKey() == Kind.HELD ? "HOLD" : e.getKey() == Kind.VM ? "VM"
                : "NET") + " " + count(e.getValue())).collect(Collectors.joining(", "));
    }

    private Optional<Cell> cell(int i) {
        return map.get().filter(m -> i >= 0 && i < m.cells().size()).map(m -> m.cells().get(i));
    }

    /** The map shown, once read. */
    public ReadOnlyObjectProperty<Optional<AddressMap>> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /** What the window covers and what one cell is ("1 cell = 256 addresses"). */
    public ReadOnlyStringProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** What the hovered cell is; empty over no cell. */
    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** Reading, or why nothing is drawn; empty while a map is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canZoomOutProperty() {
        return canZoomOut.getReadOnlyProperty();
    }
}
