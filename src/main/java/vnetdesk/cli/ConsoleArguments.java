package vnetdesk.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import vnetdesk.service.InventoryLocation;

/**
 * Decides whether a command line opens the console or runs a CLI command:
 * the global options alone ({@code --data DIR}, {@code --db URL},
 * {@code --user NAME}, each at most once, written {@code --data DIR} or
 * {@code --data=DIR}) open the console on that inventory, as the console's
 * own messages tell the user to do. Anything else is a CLI command line,
 * whose parsing reports its usage errors (a repeated or valueless option
 * among them).
 */
public final class ConsoleArguments {

    /** The console's inventory and user as given on the command line; absent ones come from the environment. */
    public record Console(Optional<String> data, Optional<String> db, Optional<String> user) {

        /** Where the inventory is: the options first, then the environment, as for a CLI command. */
        public InventoryLocation location(Map<String, String> env) {
            return InventoryLocation.resolve(data, db, env);
        }

        /** The user the console starts as: --user, else VNETDESK_USER, else oneadmin (as the CLI). */
        public String userName(Map<String, String> env) {
            return user.or(() -> Optional.ofNullable(env.get("VNETDESK_USER")).filter(v -> !v.isBlank()))
                    .orElse("oneadmin");
        }
    }

    private static final String[] OPTIONS = {"--data", "--db", "--user"};

    private ConsoleArguments() {
    }

    /** The console to open for {@code args}, or empty when they are a CLI command line (or a usage error). */
    public static Optional<Console> console(String[] args) {
        Map<String, String> given = new HashMap<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!isOption(name) || given.containsKey(name)) {
                return Optional.empty();
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
                i++;
            } else if (i + 1 < args.length) {
                value = args[i + 1];
                i += 2;
            } else {
                return Optional.empty();
            }
            // a value that looks like an option or is blank is the CLI's usage error to report, not a console
            if (value.isBlank() || value.startsWith("-")) {
                return Optional.empty();
            }
            given.put(name, value);
        }
        return Optional.of(new Console(Optional.ofNullable(given.get("--data")), Optional.ofNullable(given.get("--db")),
                Optional.ofNullable(given.get("--user"))));
    }

    private static boolean isOption(String name) {
        for (String option : OPTIONS) {
            if (option.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
