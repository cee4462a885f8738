package vnetdesk.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Malformed command lines against the baseline inventory (network {@code base},
 * id 0: IP4 AR 0 10.0.0.1, 50 addresses, 10.0.0.5 held; cluster 100
 * {@code edge}; host 0 {@code kvm1} in cluster 0, host 1 {@code kvm-edge} in
 * {@code edge}; VM 0 {@code web} RUNNING on kvm1 and VM 1 {@code idle}
 * PENDING, each with NIC 0 on base, 10.0.0.30 and 10.0.0.31). Value errors
 * exit 1; the usage errors at the end (unknown command or option, missing or
 * clashing arguments) exit 2, as the CLI spec allows.
 */
final class CliArgumentCases {

    private CliArgumentCases() {
    }

    static List<CorpusCase> cases() {
        List<CorpusCase> c = new ArrayList<>();
        // ---- addresses and ranges
        c.add(value("hold-open-ended-range", "\"10.0.0.1-\"", "vnet", "hold", "base", "10.0.0.1-"));
        c.add(value("hold-octet-999", "ADDRESS: invalid value \"10.0.0.999\"", "vnet", "hold", "base", "10.0.0.999"));
        c.add(value("hold-reversed-range",
                "invalid value \"10.0.0.5-10.0.0.1\": the last address comes before the first",
                "vnet", "hold", "base", "10.0.0.5-10.0.0.1"));
        c.add(value("hold-empty-address", "ADDRESS: invalid value \"\"", "vnet", "hold", "base", ""));
        c.add(value("hold-list-with-one-taken-address", "10.0.0.5 is already used",
                "vnet", "hold", "base", "10.0.0.1", "10.0.0.5"));
        c.add(value("hold-range-past-ar-end", "\"10.0.0.60\": not inside address range 0",
                "vnet", "hold", "base", "10.0.0.40-10.0.0.60"));
        c.add(value("hold-unknown-ar", "AR_ID: invalid value \"99\"",
                "vnet", "hold", "base", "10.0.0.7", "--ar", "99"));
        c.add(value("hold-ar-not-a-number", "--ar: invalid value \"x\"",
                "vnet", "hold", "base", "10.0.0.7", "--ar", "x"));
        c.add(value("release-free-address", "10.0.0.6 is not held", "vnet", "release", "base", "10.0.0.6"));
        c.add(value("whois-not-an-address", "ADDRESS: invalid value \"not-an-address\"", "whois", "not-an-address"));
        c.add(value("whois-mac-with-g", "ADDRESS: invalid value \"02:00:00:00:00:0g\"", "whois", "02:00:00:00:00:0g"));
        c.add(value("whois-100000-digits", "(100000 chars)\": expected an IPv4, IPv6 or MAC address",
                "whois", "9".repeat(100_000)));
        // ---- numbers
        c.add(value("reserve-size-zero", "--size: invalid value \"0\"", "vnet", "reserve", "base", "--size", "0",
                "--name", "x"));
        c.add(value("reserve-size-huge", "--size: invalid value \"99999999999999999999\"",
                "vnet", "reserve", "base", "--size", "99999999999999999999", "--name", "x"));
        c.add(value("reserve-size-negative", "--size: invalid value \"-5\"", "vnet", "reserve", "base", "--size", "-5",
                "--name", "x"));
        c.add(value("reserve-more-than-free", "no block of 500 free addresses",
                "vnet", "reserve", "base", "--size", "500", "--name", "big"));
        c.add(value("reserve-into-unknown-network", "nosuch",
                "vnet", "reserve", "base", "--size", "2", "--into", "nosuch"));
        c.add(value("rmar-negative-id", "AR_ID: invalid value \"-1\"", "vnet", "rmar", "base", "-1"));
        c.add(value("rmar-id-not-a-number", "AR_ID: invalid value \"abc\"", "vnet", "rmar", "base", "abc"));
        c.add(value("rmar-unknown-ar", "has no address range 7", "vnet", "rmar", "base", "7"));
        c.add(value("addar-size-not-a-number", "--size: invalid value \"abc\"",
                "vnet", "addar", "base", "--type", "IP4", "--ip", "10.0.0.1", "--size", "abc"));
        c.add(value("addar-size-30-digits", "SIZE: invalid value \"999999999999999999999999999999\"",
                "vnet", "addar", "base", "--type", "IP4", "--ip", "10.9.0.1", "--size", "9".repeat(30)));
        c.add(value("addar-overlaps-existing-ar", "overlaps AR 0",
                "vnet", "addar", "base", "--type", "IP4", "--ip", "10.0.0.20", "--size", "5"));
        c.add(value("addar-unknown-type", "TYPE: invalid value \"BOGUS\"",
                "vnet", "addar", "base", "--type", "BOGUS", "--ip", "10.9.0.1", "--size", "5"));
        // ---- names, levels, users, files
        c.add(value("show-unknown-name-with-space", "no such", "vnet", "show", "no such"));
        c.add(value("delete-unknown-network", "no such", "vnet", "delete", "no such"));
        c.add(value("lock-bogus-level", "--level: invalid value \"bogus\"",
                "vnet", "lock", "base", "--level", "bogus"));
        c.add(value("rename-to-empty", "NAME: required attribute is missing", "vnet", "rename", "base", ""));
        c.add(value("rename-leading-blank", "NAME: invalid value \" lead\"", "vnet", "rename", "base", " lead"));
        c.add(value("rename-with-newline", "NAME: invalid value \"a\\nb\"", "vnet", "rename", "base", "a\nb"));
        c.add(value("user-unknown", "nobody", "--user", "nobody", "vnet", "hold", "base", "10.0.0.7"));
        c.add(value("user-empty", "--user: invalid value \"\"", "--user", "", "vnet", "hold", "base", "10.0.0.7"));
        c.add(value("db-url-not-jdbc", "--db: unsupported JDBC URL \"not-a-url\"",
                "--db", "not-a-url", "vnet", "list"));
        c.add(new CorpusCase("cli/create-missing-file", "cli", 1, "nofile.tmpl: no such file",
                (work, data) -> CorpusCase.Invocation.of(CliCall.withData(data, "vnet", "create",
                        work.resolve("nofile.tmpl").toString()))));
        c.add(new CorpusCase("cli/create-from-a-folder", "cli", 1, "it is a folder",
                (work, data) -> CorpusCase.Invocation.of(CliCall.withData(data, "vnet", "create", work.toString()))));
        c.add(dataIsARegularFile());
        // ---- permissions, users, ACL rules, security groups, templates
        c.add(value("chmod-digit-eight", "OCTAL: invalid value \"648\"", "vnet", "chmod", "base", "648"));
        c.add(value("chmod-four-digits", "OCTAL: invalid value \"0640\"", "vnet", "chmod", "base", "0640"));
        c.add(value("chown-unknown-user", "USER: user \"nobody\" does not exist", "vnet", "chown", "base", "nobody"));
        c.add(value("chown-unknown-group", "GROUP: group \"nogroup\" does not exist",
                "vnet", "chown", "base", "oneadmin", "nogroup"));
        c.add(value("user-name-with-space", "USER: invalid value \"a b\"", "user", "create", "a b"));
        c.add(value("user-name-all-digits", "USER: invalid value \"42\"", "user", "create", "42"));
        c.add(value("acl-unknown-resource", "unknown resource type NETS", "acl", "create", "@1 NETS/* USE"));
        c.add(value("acl-create-on-one-object", "RIGHTS: invalid value", "acl", "create", "@1 NET/#3 CREATE"));
        c.add(value("acl-unknown-group", "group 77 does not exist", "acl", "create", "@77 NET/* USE"));
        c.add(value("secgroup-delete-default", "is the default group and cannot be deleted",
                "secgroup", "delete", "default"));
        c.add(stdin("secgroup-sixteen-ports", "RULE 1: RANGE: invalid value \"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\"",
                "NAME = many\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, RANGE = \"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\" ]\n",
                "secgroup", "create", "-"));
        c.add(stdin("secgroup-icmp-type-on-tcp", "ICMP_TYPE",
                "NAME = wrong\nRULE = [ PROTOCOL = TCP, RULE_TYPE = inbound, ICMP_TYPE = 8 ]\n", "secgroup", "create", "-"));
        c.add(stdin("vntemplate-bad-ar", "AR 1: IP: invalid value \"10.0.0.300\"",
                "NAME = t\nVN_MAD = bridge\nAR = [ TYPE = IP4, IP = 10.0.0.300, SIZE = 4 ]\n", "vntemplate", "create", "-"));
        c.add(value("instantiate-unknown-template", "network template \"nosuch\" does not exist",
                "vntemplate", "instantiate", "nosuch", "--name", "x"));
        c.add(value("instantiate-name-taken", "NAME: a network named \"base\" already exists",
                "vntemplate", "instantiate", "Private IPv4", "--name", "base"));
        // ---- clusters, hosts and VMs
        c.add(stdin("vm-create-disk-vector", "DISK: vnetdesk keeps the networking of a VM only",
                "NAME = x\nDISK = [ IMAGE = centos ]\n", "vm", "create", "-"));
        c.add(stdin("vm-create-nic-bad-model", "NIC 0 MODEL: invalid value \"bad model\"",
                "NAME = x\nNIC = [ NETWORK = base, MODEL = \"bad model\" ]\n", "vm", "create", "-"));
        c.add(stdin("vm-create-nic-without-network", "NIC 0: give NETWORK (or NETWORK_ID), or NETWORK_MODE = auto",
                "NAME = x\nNIC = [ IP = 10.0.0.9 ]\n", "vm", "create", "-"));
        c.add(stdin("vm-create-second-nic-on-held-address", "ADDRESS: 10.0.0.5 is already used by a hold",
                "NAME = x\nNIC = [ NETWORK = base ]\nNIC = [ NETWORK = base, IP = 10.0.0.5 ]\n",
                "vm", "create", "-"));
        c.add(stdin("vm-create-requirements-cut-short",
                "NIC 0 SCHED_REQUIREMENTS: expected a value after '=', found end of input at 9",
                "NAME = x\nNIC = [ NETWORK_MODE = auto, SCHED_REQUIREMENTS = \"VN_MAD = \" ]\n",
                "vm", "create", "-"));
        c.add(stdin("vm-create-unclosed-nic", "<stdin>: line 2, column 7: missing ']'",
                "NAME = x\nNIC = [ NETWORK = base\n", "vm", "create", "-"));
        c.add(stdin("vm-update-with-a-nic", "NIC: NICs are changed with nic-attach and nic-detach, not update",
                "NIC = [ NETWORK = base ]\n", "vm", "update", "web", "-"));
        c.add(value("vm-nic-attach-requirements-dangling-and",
                "NIC SCHED_REQUIREMENTS: expected a comparison such as NAME = \"value\", found end of input at 13",
                "vm", "nic-attach", "idle", "--auto", "--requirements", "NAME = \"a\" &"));
        c.add(value("vm-nic-preview-rank-dangling-plus",
                "SCHED_RANK: expected a number, an attribute name or '(', found end of input at 14",
                "vm", "nic-preview", "web", "--rank", "FREE_LEASES +"));
        c.add(value("vm-nic-attach-held-address", "ADDRESS: 10.0.0.5 is already used by a hold",
                "vm", "nic-attach", "web", "--network", "base", "--ip", "10.0.0.5"));
        c.add(value("vm-nic-attach-negative-qos", "INBOUND_AVG_BW: invalid value \"-1\"",
                "vm", "nic-attach", "web", "--network", "base", "--qos", "INBOUND_AVG_BW=-1"));
        c.add(value("vm-nic-attach-qos-unknown-name", "--qos: invalid value \"BANDWIDTH=5\"",
                "vm", "nic-attach", "web", "--network", "base", "--qos", "BANDWIDTH=5"));
        c.add(value("vm-nic-attach-empty-group-id", "NIC SECURITY_GROUPS: invalid value \"0,,1\"",
                "vm", "nic-attach", "web", "--network", "base", "--sg", "0,,1"));
        c.add(value("vm-nic-detach-unknown-nic", "NIC: VM 0:web has no NIC 5 (it has 0)",
                "vm", "nic-detach", "web", "5"));
        c.add(value("vm-show-unknown", "VM \"nosuch\" does not exist", "vm", "show", "nosuch"));
        c.add(value("vm-deploy-running-vm", "VM 0:web is RUNNING; only a VM that is not on a host",
                "vm", "deploy", "web", "kvm1"));
        c.add(value("vm-deploy-unknown-host", "host \"kvm9\" does not exist", "vm", "deploy", "idle", "kvm9"));
        c.add(value("vm-deploy-network-outside-the-cluster", "network 0:base is not in cluster 100:edge",
                "vm", "deploy", "idle", "kvm-edge"));
        c.add(value("vm-poweroff-pending-vm", "VM 1:idle is PENDING; poweroff does not apply",
                "vm", "poweroff", "idle"));
        c.add(value("host-create-name-taken", "NAME: a host named \"kvm1\" already exists",
                "host", "create", "kvm1"));
        c.add(value("host-create-unknown-cluster", "cluster \"nosuch\" does not exist",
                "host", "create", "kvm2", "--cluster", "nosuch"));
        c.add(value("host-address-shell-characters", "ADDRESS: invalid value \"kvm1;reboot\"",
                "host", "address", "kvm1", "kvm1;reboot"));
        c.add(value("host-delete-with-a-vm", "host 0:kvm1 has 1 VM on it (0:web)", "host", "delete", "kvm1"));
        c.add(value("cluster-delete-default", "cluster 0:default is the default cluster and cannot be deleted",
                "cluster", "delete", "default"));
        c.add(value("cluster-delete-with-a-host", "cluster 100:edge still holds 1 host",
                "cluster", "delete", "edge"));
        c.add(value("cluster-delhost-not-a-member", "host 0:kvm1 is not in cluster 100:edge",
                "cluster", "delhost", "edge", "kvm1"));
        c.add(value("cluster-addvnet-unknown-network", "network \"nosuch\" does not exist",
                "cluster", "addvnet", "edge", "nosuch"));
        // ---- usage errors: exit 2
        c.add(usage("usage-unknown-subcommand", "'frobnicate'", "vnet", "frobnicate"));
        c.add(usage("usage-unknown-option", "Unknown option: '--colour'", "vnet", "list", "--colour"));
        c.add(usage("usage-hold-without-address", "Missing required parameter: 'ADDR'", "vnet", "hold", "base"));
        c.add(usage("usage-show-json-and-xml", "--json and --xml cannot be used together",
                "vnet", "show", "base", "--json", "--xml"));
        c.add(usage("usage-reserve-name-and-into", "mutually exclusive",
                "vnet", "reserve", "base", "--size", "2", "--name", "x", "--into", "y"));
        c.add(usage("usage-addar-without-type-or-file", "give FILE or at least --type", "vnet", "addar", "base"));
        c.add(usage("usage-nic-attach-network-and-auto", "are mutually exclusive",
                "vm", "nic-attach", "web", "--network", "base", "--auto"));
        c.add(usage("usage-nic-attach-requirements-without-auto", "Missing required argument(s): --auto",
                "vm", "nic-attach", "web", "--requirements", "NAME = base"));
        c.add(usage("usage-deploy-without-host", "Missing required parameter: 'HOST'", "vm", "deploy", "web"));
        return c;
    }

    /** {@code --data} naming a regular file: refused, and the file is left exactly as it was. */
    private static CorpusCase dataIsARegularFile() {
        return new CorpusCase("cli/data-is-a-regular-file", "cli", 1, "not-a-folder", (work, data) -> {
            Path file = work.resolve("not-a-folder");
            byte[] content = "keep me\n".getBytes(StandardCharsets.UTF_8);
            Files.write(file, content);
            return new CorpusCase.Invocation(List.of("--data", file.toString(), "vnet", "list"), new byte[0],
                    Optional.of(() -> Files.isRegularFile(file) && Arrays.equals(content, Files.readAllBytes(file))
                            ? Optional.empty() : Optional.of(file + " was changed or replaced")));
        });
    }

    private static CorpusCase value(String name, String message, String... args) {
        return new CorpusCase("cli/" + name, "cli", 1, message,
                (work, data) -> CorpusCase.Invocation.of(CliCall.withData(data, args)));
    }

    /** A value error of a command that reads its template from standard input. */
    private static CorpusCase stdin(String name, String message, String input, String... args) {
        return new CorpusCase("cli/" + name, "cli", 1, message, (work, data) -> new CorpusCase.Invocation(
                CliCall.withData(data, args), input.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    }

    private static CorpusCase usage(String name, String message, String... args) {
        return new CorpusCase("cli/" + name, "cli", 2, message,
                (work, data) -> CorpusCase.Invocation.of(CliCall.withData(data, args)));
    }
}
