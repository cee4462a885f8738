package vnetdesk.model;

import java.util.List;

/** Words for messages: English lists ("a, b or c") and counted nouns ("1 address", "3 addresses"). */
public final class Words {

    private Words() {
    }

    static String list(List<String> words, String conjunction) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " "
                + words.get(words.size() - 1);
    }

    /** "1 lease", "2 leases", "0 addresses", "3 VMs": the number and the noun agreeing with it. */
    public static String count(long n, String singular) {
        return n + " " + noun(n, singular);
    }

    /** The noun alone, singular for exactly one and plural otherwise ("cluster" / "clusters"). */
    public static String noun(long n, String singular) {
        if (n == 1 || n == -1) {
            return singular;
        }
        boolean sibilant = singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("sh")
                || singular.endsWith("ch");
        return singular + (sibilant ? "es" : "s");
    }
}
