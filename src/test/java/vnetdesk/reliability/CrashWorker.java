package vnetdesk.reliability;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import vnetdesk.model.Actor;
import vnetdesk.model.Ipv4;
import vnetdesk.model.Lease;
import vnetdesk.model.LeaseOwner;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VnetException;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService.NetworkSummary;
import vnetdesk.service.ReservationService;
import vnetdesk.template.TemplateParser;

/**
 * Child process of {@link CrashSafetyTest}: opens the inventory and performs
 * random holds, releases, reservations and VM NIC allocations until it is
 * killed. Before each call it prints {@code TRY …}, after the call returns
 * {@code ACK …} (or {@code NACK …} for a refused operation), so the parent
 * knows exactly which operations were acknowledged and which one was in flight.
 *
 * <p>Usage: {@code CrashWorker <dataDir> <seed> <round>}.
 */
public final class CrashWorker {

    static final String NETWORK = "crashnet";
    static final Ipv4 AR0_FIRST = Ipv4.parse("IP", "10.20.0.1");
    static final int AR0_SIZE = 4094;
    static final Ipv4 AR1_FIRST = Ipv4.parse("IP", "10.20.16.1");
    static final int AR1_SIZE = 1022;
    /** Above this many holds the worker prefers releasing, so the network does not fill up with holds. */
    private static final int HOLD_CAP = 600;

    static final String TEMPLATE = "NAME = " + NETWORK + "\nVN_MAD = fw\n"
            + "AR = [ TYPE = IP4, IP = " + AR0_FIRST + ", SIZE = " + AR0_SIZE + " ]\n"
            + "AR = [ TYPE = IP4_6, IP = " + AR1_FIRST + ", SIZE = " + AR1_SIZE + ", GLOBAL_PREFIX = 2001:db8:20:: ]\n";

    /* Unbuffered: each line is one write(2) to the parent's output file, done before the next step starts. */
    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

    private final Inventory inventory;
    private final Actor actor = Actor.ONEADMIN;
    private final Random random;
    private final int round;
    private final List<String> held = new ArrayList<>();
    private int sequence;

    private CrashWorker(Inventory inventory, long seed, int round) {
        this.inventory = inventory;
        this.random = new Random(seed * 1_000_003L + round);
        this.round = round;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int round = Integer.parseInt(args[2]);
        // Never closed on purpose: the parent ends this process with SIGKILL.
        Inventory inventory = Inventory.openDirectory(dir);
        new CrashWorker(inventory, seed, round).run();
    }

    private void run() {
        int networkId = findOrCreateNetwork();
        loadOwnHolds();
        emit("READY " + networkId + " " + round + " " + held.size());
        while (true) {
            step();
        }
    }

    private int findOrCreateNetwork() {
        for (NetworkSummary s : inventory.queries().list(actor)) {
            if (s.network().name().equals(NETWORK)) {
                return s.network().id();
            }
        }
        return inventory.networks().create(actor, TemplateParser.parse(TEMPLATE, "crash-worker"));
    }

    /** Holds in the network are all this worker's (made in earlier rounds); it may release them. */
    private void loadOwnHolds() {
        int afterAr = 0;
        OptionalLong afterIndex = OptionalLong.empty();
        while (true) {
            List<Lease> page = inventory.queries().leasePage(actor, ObjectRef.name(NETWORK), afterAr, afterIndex, 1000);
            if (page.isEmpty()) {
                return;
            }
            for (Lease l : page) {
                if (l.owner() instanceof LeaseOwner.Hold) {
                    held.add(l.addresses().primary());
                }
            }
            Lease last = page.get(page.size() - 1);
            afterAr = last.arId();
            afterIndex = OptionalLong.of(last.index());
        }
    }

    private void step() {
        int dice = random.nextInt(100);
        boolean preferRelease = held.size() > HOLD_CAP;
        if ((dice < 25 || preferRelease) && !held.isEmpty()) {
            release();
        } else if (dice < 55) {
            hold(List.of(randomAddress()));
        } else if (dice < 70) {
            List<String> list = new ArrayList<>();
            for (int i = 2 + random.nextInt(5); i > 0; i--) {
                list.add(randomAddress());
            }
            hold(list);
        } else if (dice < 82) {
            hold(List.of(randomRange()));
        } else if (dice < 94) {
            allocate();
        } else {
            reserve();
        }
    }

    private String randomAddress() {
        return random.nextInt(AR0_SIZE + AR1_SIZE) < AR0_SIZE
                ? AR0_FIRST.plus(random.nextInt(AR0_SIZE)).toString()
                : AR1_FIRST.plus(random.nextInt(AR1_SIZE)).toString();
    }

    /** A FIRST-LAST range of 2 to 16 addresses inside one AR. */
    private String randomRange() {
        boolean first = random.nextInt(AR0_SIZE + AR1_SIZE) < AR0_SIZE;
        Ipv4 start = first ? AR0_FIRST : AR1_FIRST;
        int size = first ? AR0_SIZE : AR1_SIZE;
        int length = 2 + random.nextInt(15);
        int from = random.nextInt(size - length + 1);
        return start.plus(from) + "-" + start.plus(from + length - 1L);
    }

    private void hold(List<String> tokens) {
        emit("TRY hold " + String.join(" ", tokens));
        try {
            List<Lease> leases = inventory.leases().hold(actor, ObjectRef.name(NETWORK), tokens, Optional.empty());
            List<String> addresses = leases.stream().map(l -> l.addresses().primary()).toList();
            emit("ACK hold " + String.join(" ", addresses));
            held.addAll(addresses);
        } catch (VnetException e) {
            nack("hold", e);
        }
    }

    private void release() {
        List<String> chosen = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0 && !held.isEmpty(); i--) {
            int at = random.nextInt(held.size());
            chosen.add(held.get(at));
            held.set(at, held.get(held.size() - 1));
            held.remove(held.size() - 1);
        }
        emit("TRY release " + String.join(" ", chosen));
        try {
            int n = inventory.leases().release(actor, ObjectRef.name(NETWORK), chosen, Optional.empty());
            emit("ACK release " + n + " " + String.join(" ", chosen));
        } catch (VnetException e) {
            nack("release", e);
        }
    }

    private void allocate() {
        int vm = round * 100_000 + sequence++;
        int nic = random.nextInt(4);
        emit("TRY alloc " + vm + " " + nic);
        try {
            Lease l = inventory.leases().allocate(actor, ObjectRef.name(NETWORK), new LeaseOwner.VmNic(vm, nic),
                    Optional.empty(), Optional.empty());
            emit("ACK alloc " + vm + " " + nic + " " + l.addresses().primary());
        } catch (VnetException e) {
            nack("alloc", e);
        }
    }

    private void reserve() {
        String name = "res-" + round + "-" + sequence++;
        int size = 1 + random.nextInt(8);
        emit("TRY reserve " + name + " " + size);
        try {
            int child = inventory.reservations().reserve(actor, ObjectRef.name(NETWORK),
                    new ReservationService.Request(size,
                    Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty()));
            emit("ACK reserve " + child + " " + size + " " + name);
        } catch (VnetException e) {
            nack("reserve", e);
        }
    }

    private static void nack(String op, VnetException e) {
        emit("NACK " + op + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
    }

    private static void emit(String line) {
        try {
            OUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
