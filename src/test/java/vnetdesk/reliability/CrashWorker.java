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
import vnetdesk.model.OutcomeUnknownException;
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
 * <p>With {@link SharedCrashSafetyTest} two workers share the inventory, each
 * on its own network: a worker then also says in {@code READY} whether it
 * serves the inventory file to the other ({@code serving=true}), and when a
 * commit's outcome is unknown (the serving process was killed during it) it
 * leaves that operation unanswered and exits with status 3, so the operation
 * is judged as in flight.
 *
 * <p>Usage: {@code CrashWorker <dataDir> <seed> <round> [<network> <second octet> <vm id base>]}.
 */
public final class CrashWorker {

    static final String NETWORK = "crashnet";
    static final int AR0_SIZE = 4094;
    static final int AR1_SIZE = 1022;
    /** Above this many holds the worker prefers releasing, so the network does not fill up with holds. */
    private static final int HOLD_CAP = 600;

    /** Exit status when a commit's outcome is unknown (the operation stays unanswered). */
    static final int OUTCOME_UNKNOWN_EXIT = 3;

    /* Unbuffered: each line is one write(2) to the parent's output file, done before the next step starts. */
    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

    private final Inventory inventory;
    private final String network;
    private final Ipv4 ar0First;
    private final Ipv4 ar1First;
    private final String reservationPrefix;
    private final int vmBase;
    private final Actor actor = Actor.ONEADMIN;
    private final Random random;
    private final int round;
    private final List<String> held = new ArrayList<>();
    private int sequence;

    private CrashWorker(Inventory inventory, long seed, int round, String network, int secondOctet, int vmBase) {
        this.inventory = inventory;
        this.network = network;
        this.ar0First = Ipv4.parse("IP", "10." + secondOctet + ".0.1");
        this.ar1First = Ipv4.parse("IP", "10." + secondOctet + ".16.1");
        this.reservationPrefix = network.equals(NETWORK) ? "res-" : network + "-res-";
        this.vmBase = vmBase;
        this.random = new Random(seed * 1_000_003L + round);
        this.round = round;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int round = Integer.parseInt(args[2]);
        // Never closed on purpose: the parent ends this process with SIGKILL.
        Inventory inventory = Inventory.openDirectory(dir);
        if (args.length > 3) {
            new CrashWorker(inventory, seed, round, args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5])).run();
        } else {
            new CrashWorker(inventory, seed, round, NETWORK, 20, 0).run();
        }
    }

    private String template() {
        return "NAME = " + network + "\nVN_MAD = fw\n"
                + "AR = [ TYPE = IP4, IP = " + ar0First + ", SIZE = " + AR0_SIZE + " ]\n"
                + "AR = [ TYPE = IP4_6, IP = " + ar1First + ", SIZE = " + AR1_SIZE
                + ", GLOBAL_PREFIX = 2001:db8:20:: ]\n";
    }

    /** Whether this process serves the inventory file to others (H2 runs its TCP server here). */
    private static boolean serving() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("H2 TCP Server"));
    }

    private void run() {
        int networkId = findOrCreateNetwork();
        loadOwnHolds();
        emit("READY " + networkId + " " + round + " " + held.size() + " serving=" + serving());
        while (true) {
            step();
        }
    }

    private int findOrCreateNetwork() {
        for (NetworkSummary s : inventory.queries().list(actor)) {
            if (s.network().name().equals(network)) {
                return s.network().id();
            }
        }
        return inventory.networks().create(actor, TemplateParser.parse(template(), "crash-worker"));
    }

    /** Holds in the network are all this worker's (made in earlier rounds); it may release them. */
    private void loadOwnHolds() {
        int afterAr = 0;
        OptionalLong afterIndex = OptionalLong.empty();
        while (true) {
            List<Lease> page = inventory.queries().leasePage(actor, ObjectRef.name(network), afterAr, afterIndex, 1000);
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
                ? ar0First.plus(random.nextInt(AR0_SIZE)).toString()
                : ar1First.plus(random.nextInt(AR1_SIZE)).toString();
    }

    /** A FIRST-LAST range of 2 to 16 addresses inside one AR. */
    private String randomRange() {
        boolean first = random.nextInt(AR0_SIZE + AR1_SIZE) < AR0_SIZE;
        Ipv4 start = first ? ar0First : ar1First;
        int size = first ? AR0_SIZE : AR1_SIZE;
        int length = 2 + random.nextInt(15);
        int from = random.nextInt(size - length + 1);
        return start.plus(from) + "-" + start.plus(from + length - 1L);
    }

    private void hold(List<String> tokens) {
        emit("TRY hold " + String.join(" ", tokens));
        try {
            List<Lease> leases = inventory.leases().hold(actor, ObjectRef.name(network), tokens, Optional.empty());
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
            int n = inventory.leases().release(actor, ObjectRef.name(network), chosen, Optional.empty());
            emit("ACK release " + n + " " + String.join(" ", chosen));
        } catch (VnetException e) {
            nack("release", e);
        }
    }

    private void allocate() {
        int vm = vmBase + round * 100_000 + sequence++;
        int nic = random.nextInt(4);
        emit("TRY alloc " + vm + " " + nic);
        try {
            Lease l = inventory.leases().allocate(actor, ObjectRef.name(network), new LeaseOwner.VmNic(vm, nic),
                    Optional.empty(), Optional.empty());
            emit("ACK alloc " + vm + " " + nic + " " + l.addresses().primary());
        } catch (VnetException e) {
            nack("alloc", e);
        }
    }

    private void reserve() {
        String name = reservationPrefix + round + "-" + sequence++;
        int size = 1 + random.nextInt(8);
        emit("TRY reserve " + name + " " + size);
        try {
            int child = inventory.reservations().reserve(actor, ObjectRef.name(network),
                    new ReservationService.Request(size,
                    Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty()));
            emit("ACK reserve " + child + " " + size + " " + name);
        } catch (VnetException e) {
            nack("reserve", e);
        }
    }

    private static void nack(String op, VnetException e) {
        if (e instanceof OutcomeUnknownException) {
            // neither ACK nor NACK is true: the parent judges the operation as in flight
            System.exit(OUTCOME_UNKNOWN_EXIT);
        }
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
