package vnetdesk.reliability;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vnetdesk.cli.Cli;

/**
 * Child process of {@link SharedInventoryTest}: runs CLI commands against a
 * shared inventory ({@code --db URL}), attaching NICs to one VM and
 * detaching them again. A command refused because the other process changed
 * the same thing first is retried; any other refusal ends the worker with
 * exit 1. Prints {@code DONE <attached> <detached> <retries>} at the end.
 *
 * <p>Usage: {@code SharedInventoryCliWorker <jdbcUrl> <vm> <network> <operations> <seed>}.
 */
public final class SharedInventoryCliWorker {

    private static final Pattern ATTACHED = Pattern.compile("NIC ([0-9]+)\\b");

    private SharedInventoryCliWorker() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String vm = args[1];
        String network = args[2];
        int operations = Integer.parseInt(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        List<Integer> nics = new ArrayList<>();
        int attached = 0;
        int detached = 0;
        int retries = 0;
        for (int i = 0; i < operations; i++) {
            boolean detach = !nics.isEmpty() && random.nextInt(5) < 2;
            int index = detach ? nics.get(random.nextInt(nics.size())) : -1;
            String[] command = detach
                    ? new String[]{"--db", url, "vm", "nic-detach", vm, String.valueOf(index)}
                    : new String[]{"--db", url, "vm", "nic-attach", vm, "--network", network};
            while (true) {
                Result r = run(command);
                if (r.exit() == Cli.OK) {
                    if (detach) {
                        nics.remove(Integer.valueOf(index));
                        detached++;
                    } else {
                        Matcher m = ATTACHED.matcher(r.out());
                        if (!m.find()) {
                            fail("nic-attach printed no NIC index: " + r.out());
                        }
                        nics.add(Integer.parseInt(m.group(1)));
                        attached++;
                    }
                    break;
                }
                if (!r.err().contains("changed by another console") && !r.err().contains("busy")) {
                    fail("command " + String.join(" ", command) + " failed with " + r.exit() + ": " + r.err());
                }
                retries++;
            }
        }
        System.out.println("DONE " + attached + " " + detached + " " + retries + " " + nics);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String[] command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
                new ByteArrayInputStream(new byte[0]));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void fail(String message) {
        System.out.println("FAILED " + message.replace('\n', ' '));
        System.exit(1);
    }
}
