package vnetdesk.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

import vnetdesk.model.LockLevel;
import vnetdesk.model.VnetException;

/**
 * Reads {@code onevm show -x} / {@code onevm list -x} XML into {@link ImportedVm}s;
 * see {@link OneVmXml#readAll}. One forward pass over the same hardened
 * {@link OneXmlStream} as the network reader (no DTD, no entity other than the
 * five predefined ones, bounded size and depth), so hostile documents fail early
 * and every error has its line and column.
 */
final class OneVmXmlReader {

    /** NIC children with a typed field in {@link ImportedNic}; the rest go to its attributes. */
    private static final Set<String> NIC_TYPED = Set.of("NIC_ID", "NETWORK_ID", "NETWORK", "NETWORK_UNAME", "AR_ID",
            "IP", "IP6", "IP6_GLOBAL", "IP6_ULA", "MAC", "TARGET", "SECURITY_GROUPS", "MODEL");

    private final OneXmlStream s;

    private OneVmXmlReader(OneXmlStream s) {
        this.s = s;
    }

    static List<ImportedVm> read(String xml, String source) {
        try (OneXmlStream stream = OneXmlStream.open(xml, source)) {
            return new OneVmXmlReader(stream).run();
        }
    }

    private List<ImportedVm> run() {
        try {
            List<ImportedVm> vms = new ArrayList<>();
            s.toRoot();
            String root = s.name();
            if (root.equals("VM")) {
                vms.add(vm());
            } else if (root.equals("VM_POOL")) {
                while (s.nextChild()) {
                    if (s.name().equals("VM")) {
                        vms.add(vm());
                    } else {
                        s.skip();
                    }
                }
            } else {
                throw s.error(s.here(), "the root element is <" + root + ">; expected <VM> or <VM_POOL> as printed"
                        + " by onevm show -x or onevm list -x"
                        + (root.startsWith("VNET") ? " (networks are imported with import)" : ""));
            }
            s.toEnd();
            return vms;
        } catch (XMLStreamException e) {
            throw s.notWellFormed(e);
        } catch (VnetException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input with unchecked exceptions
            throw s.notWellFormed(e);
        }
    }

    /** The fields of one {@code <VM>} while it is being read. */
    private static final class VmFields {
        OptionalInt id = OptionalInt.empty();
        OptionalInt uid = OptionalInt.empty();
        OptionalInt gid = OptionalInt.empty();
        OptionalInt state = OptionalInt.empty();
        OptionalInt lcmState = OptionalInt.empty();
        Optional<String> name = Optional.empty();
        Optional<String> ownerName = Optional.empty();
        Optional<String> groupName = Optional.empty();
        Optional<String> permissions = Optional.empty();
        Optional<LockLevel> lock = Optional.empty();
        Optional<ImportedVm.Placement> placement = Optional.empty();
        final Map<String, String> userTemplate = new LinkedHashMap<>();
        final List<ImportedNic> nics = new ArrayList<>();
    }

    private ImportedVm vm() throws XMLStreamException {
        XmlPosition at = position(s.here());
        VmFields f = new VmFields();
        while (s.nextChild()) {
            String name = s.name();
            int[] here = s.here();
            switch (name) {
                case "ID" -> f.id = OptionalInt.of(s.integer(name, here, 0));
                case "UID" -> f.uid = OptionalInt.of(s.integer(name, here, 0));
                case "GID" -> f.gid = OptionalInt.of(s.integer(name, here, 0));
                case "STATE" -> f.state = OptionalInt.of(s.integer(name, here, 0));
                case "LCM_STATE" -> f.lcmState = OptionalInt.of(s.integer(name, here, 0));
                case "NAME" -> f.name = s.value();
                case "UNAME" -> f.ownerName = s.value();
                case "GNAME" -> f.groupName = s.value();
                case "PERMISSIONS" -> f.permissions = Optional.of(s.permissionsOctal());
                case "LOCK" -> f.lock = s.lockLevel();
                case "TEMPLATE" -> template(f.nics);
                case "USER_TEMPLATE" -> userTemplate(f.userTemplate);
                case "HISTORY_RECORDS" -> f.placement = history();
                default -> s.skip();
            }
        }
        return new ImportedVm(at, f.id, f.name, f.uid, f.gid, f.ownerName, f.groupName, f.permissions, f.lock,
                f.state, f.lcmState, f.placement, f.userTemplate, f.nics);
    }

    /** TEMPLATE: its NICs; a NIC alias is refused (vnetdesk has none), everything else concerns more than networking. */
    private void template(List<ImportedNic> nics) throws XMLStreamException {
        while (s.nextChild()) {
            String name = s.name();
            if (name.equals("NIC")) {
                nics.add(nic());
            } else if (name.equals("NIC_ALIAS")) {
                throw s.error(s.here(), "<NIC_ALIAS> is an alias address of another NIC; vnetdesk has no NIC"
                        + " aliases (detach the alias before exporting the VM)");
            } else {
                s.skip();
            }
        }
    }

    private ImportedNic nic() throws XMLStreamException {
        XmlPosition at = position(s.here());
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, int[]> where = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        while (s.nextChild()) {
            String name = s.name().toUpperCase(Locale.ROOT);
            int[] here = s.here();
            if (!seen.add(name)) {
                throw s.error(here, "<" + s.name() + "> appears twice in one <NIC>");
            }
            String v = s.text();
            if (v == null || v.isBlank()) {
                // a nested element means nothing to vnetdesk; an empty one is absent
                continue;
            }
            if (NIC_TYPED.contains(name)) {
                typed.put(name, v.strip());
                where.put(name, here);
            } else {
                attributes.put(name, v);
            }
        }
        return new ImportedNic(at, number(typed, where, "NIC_ID"), number(typed, where, "NETWORK_ID"),
                text(typed, "NETWORK"), text(typed, "NETWORK_UNAME"), number(typed, where, "AR_ID"),
                text(typed, "IP"), text(typed, "IP6"), text(typed, "IP6_GLOBAL"), text(typed, "IP6_ULA"),
                text(typed, "MAC"), text(typed, "TARGET"), text(typed, "SECURITY_GROUPS"), text(typed, "MODEL"),
                attributes);
    }

    private OptionalInt number(Map<String, String> typed, Map<String, int[]> where, String name) {
        String v = typed.get(name);
        return v == null ? OptionalInt.empty() : OptionalInt.of(s.parseInteger(name, v, where.get(name), 0));
    }

    private static Optional<String> text(Map<String, String> typed, String name) {
        return Optional.ofNullable(typed.get(name));
    }

    /** USER_TEMPLATE: single values are kept, vectors (nested elements) are not. */
    private void userTemplate(Map<String, String> into) throws XMLStreamException {
        while (s.nextChild()) {
            String name = s.name().toUpperCase(Locale.ROOT);
            String v = s.text();
            if (v != null) {
                into.put(name, v);
            }
        }
    }

    /** HISTORY_RECORDS: the record with the highest SEQ (the last one when none has a SEQ). */
    private Optional<ImportedVm.Placement> history() throws XMLStreamException {
        Optional<ImportedVm.Placement> latest = Optional.empty();
        int latestSeq = Integer.MIN_VALUE;
        while (s.nextChild()) {
            if (!s.name().equals("HISTORY")) {
                s.skip();
                continue;
            }
            int seq = Integer.MIN_VALUE + 1;
            Optional<String> hostName = Optional.empty();
            OptionalInt hostId = OptionalInt.empty();
            OptionalInt clusterId = OptionalInt.empty();
            while (s.nextChild()) {
                String name = s.name();
                int[] here = s.here();
                switch (name) {
                    case "SEQ" -> seq = s.integer(name, here, 0);
                    case "HOSTNAME" -> hostName = s.value();
                    case "HID" -> hostId = OptionalInt.of(s.integer(name, here, 0));
                    case "CID" -> clusterId = optionalId(name, here);
                    default -> s.skip();
                }
            }
            if (seq >= latestSeq) {
                latestSeq = seq;
                latest = Optional.of(new ImportedVm.Placement(hostName, hostId, clusterId));
            }
        }
        return latest;
    }

    /** An id where OpenNebula writes -1 for "none". */
    private OptionalInt optionalId(String name, int[] at) throws XMLStreamException {
        int n = s.integer(name, at, -1);
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static XmlPosition position(int[] at) {
        return new XmlPosition(at[0], at[1]);
    }
}
