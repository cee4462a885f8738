package vnetdesk.sched;

/**
 * Whole-string matching of a {@code SCHED_REQUIREMENTS} string against a
 * pattern in which {@code *} stands for any run of characters (none included).
 * Only {@code *} is special and matching is case-sensitive, as OpenNebula's
 * {@code fnmatch} is for the patterns people write; {@code ?} and {@code [} are
 * plain characters here so that a value holding them can be matched as written.
 */
final class Wildcards {

    private Wildcards() {
    }

    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        // Where the last '*' was and where in the value it began to match: on a mismatch
        // that star takes one more character; no deeper backtracking is ever needed.
        int star = -1;
        int starValue = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starValue = v;
            } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++starValue;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
