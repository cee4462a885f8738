package vnetdesk.host.actual;

import vnetdesk.model.SyntaxException;
import vnetdesk.model.ValidationException;

/**
 * The bounds every reader of host output keeps, and the one way a line of
 * that output is quoted in an error: a host is not trusted to print
 * something small or printable.
 */
final class Limits {

    /**
     * The largest output read, in characters: 16 Mi. A host with 10,000 NICs
     * prints about 3 MB of {@code iptables-save}; anything far beyond is not a
     * hypervisor's firewall.
     */
    static final int MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

    private Limits() {
    }

    static void checkSize(String output, String command) {
        if (output.length() > MAX_OUTPUT_CHARS) {
            throw new SyntaxException(command, 1, 1, "the output has " + output.length()
                    + " characters, more than the " + MAX_OUTPUT_CHARS + " read from one command; refusing it");
        }
    }

    /** A piece of host output as an error shows it: control characters visible, long text shortened. */
    static String shown(String text) {
        return ValidationException.printable(text);
    }

    /** The error for a line a reader does not understand: command, line number and the line. */
    static SyntaxException badLine(String command, int line, String text, String reason) {
        return new SyntaxException(command, line, 1, reason + ": \"" + shown(text) + "\"");
    }
}
