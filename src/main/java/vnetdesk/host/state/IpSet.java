package vnetdesk.host.state;

import java.util.List;
import java.util.TreeSet;

/**
 * An ipset the console owns: name, type ({@code hash:ip}, {@code hash:net},
 * {@code hash:net,port}), family ({@code inet} or {@code inet6}) and members as
 * {@code ipset save} prints them ({@code 10.0.0.2/31}, {@code 10.0.0.0/24,tcp:80}),
 * sorted. Options the kernel chooses (hashsize, initval …) are not part of it.
 */
public record IpSet(String name, String type, String family, List<String> members) {

    public IpSet {
        members = List.copyOf(new TreeSet<>(members));
    }
}
