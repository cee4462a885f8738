package vnetdesk.ipam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.AddressRange;
import vnetdesk.model.Mac;

/** Shared fixtures of the AR tests: attribute text, a factory with a known "random" MAC. */
final class ArTestSupport {

    /** The MAC prefix of the spec: 02:00. */
    static final int PREFIX = 0x0200;

    /** What the test MAC source hands out as the "random" low 32 bits. */
    static final int RANDOM_LOW32 = 0x1234_5678;

    private ArTestSupport() {
    }

    /** {@code "TYPE=IP4 IP=10.0.0.1 SIZE=10"} as an ordered attribute map. */
    static Map<String, String> attrs(String text) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            a.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return a;
    }

    static ArFactory factory() {
        return new ArFactory(PREFIX, prefix -> Mac.of(prefix, RANDOM_LOW32));
    }

    static AddressRange create(String text) {
        return factory().create(0, attrs(text), Optional.empty());
    }
}
