package vnetdesk.ui.secgroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import vnetdesk.model.SecurityRule;
import vnetdesk.model.SecurityRule.Direction;
import vnetdesk.model.SecurityRule.Protocol;
import vnetdesk.model.ValidationException;

/**
 * One editable line of the rules table. Every edit parses the row with
 * {@link SecurityRule#parse}, so the table and the service judge a rule the
 * same way; a refusal is kept with the column it concerns, which the table
 * marks, and the summary then shows the message instead.
 */
public final class RuleRow {

    /** Column keys: the rule attributes each editable cell holds. */
    public static final String PROTOCOL = "PROTOCOL";
    public static final String RULE_TYPE = "RULE_TYPE";
    public static final String IP = "IP";
    public static final String SIZE = "SIZE";
    public static final String NETWORK_ID = "NETWORK_ID";
    public static final String RANGE = "RANGE";
    /** The ICMP type column; it holds ICMP_TYPE or ICMPV6_TYPE, after the protocol. */
    public static final String ICMP_TYPE = "ICMP_TYPE";
    /** Where an error that names no column of the table goes (the summary). */
    public static final String WHOLE_ROW = "";

    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.TCP);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.INBOUND);
    private final StringProperty ip = new SimpleStringProperty("");
    private final StringProperty size = new SimpleStringProperty("");
    private final StringProperty networkId = new SimpleStringProperty("");
    private final StringProperty range = new SimpleStringProperty("");
    private final StringProperty icmpType = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Optional<SecurityRule>> rule = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper errorColumn = new ReadOnlyStringWrapper(WHOLE_ROW);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /** A new inbound TCP rule for every port and address. */
    public RuleRow() {
        protocol.addListener((o, was, now) -> dropWhatNoLongerApplies(was, now));
        for (Observable o : inputs()) {
            o.addListener(x -> validate());
        }
        validate();
    }

    /** A row showing a stored rule. */
    public static RuleRow of(SecurityRule rule) {
        RuleRow row = new RuleRow();
        Map<String, String> a = rule.toAttributes();
        row.protocol.set(rule.protocol());
        row.direction.set(rule.direction());
        row.ip.set(a.getOrDefault(IP, ""));
        row.size.set(a.getOrDefault(SIZE, ""));
        row.networkId.set(a.getOrDefault(NETWORK_ID, ""));
        row.range.set(a.getOrDefault(RANGE, ""));
        row.icmpType.set(rule.icmpType().map(String::valueOf).orElse(""));
        return row;
    }

    /**
     * A protocol change empties the cells the new protocol has no use for
     * (ports without TCP/UDP, an ICMP type of the other ICMP family): they
     * could only be refused, and the table no longer lets them be edited.
     */
    private void dropWhatNoLongerApplies(Protocol was, Protocol now) {
        if (now == null) {
            return;
        }
        if (!now.hasPorts()) {
            range.set("");
        }
        if (now.icmpTypeAttribute().isEmpty() || !now.icmpTypeAttribute().equals(
                was == null ? Optional.empty() : was.icmpTypeAttribute())) {
            icmpType.set("");
        }
    }

    /** The rule's attributes as OpenNebula names them (blank cells left out). */
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(PROTOCOL, protocol.get() == null ? "" : protocol.get().name());
        a.put(RULE_TYPE, direction.get() == null ? "" : direction.get().name());
        put(a, IP, ip.get());
        put(a, SIZE, size.get());
        put(a, NETWORK_ID, networkId.get());
        put(a, RANGE, range.get());
        String icmpAttribute = protocol.get() == null ? ICMP_TYPE
                : protocol.get().icmpTypeAttribute().orElse(ICMP_TYPE);
        put(a, icmpAttribute, icmpType.get());
        return a;
    }

    private static void put(Map<String, String> a, String name, String value) {
        if (value != null && !value.isBlank()) {
            a.put(name, value.trim());
        }
    }

    private void validate() {
        try {
            SecurityRule r = SecurityRule.parse(attributes());
            rule.set(Optional.of(r));
            errorColumn.set(WHOLE_ROW);
            error.set("");
            summary.set(r.summary());
        } catch (ValidationException e) {
            rule.set(Optional.empty());
            errorColumn.set(column(e.field().orElse(WHOLE_ROW)));
            error.set(e.getMessage());
            summary.set("⚠ " + e.getMessage());
        }
    }

    /** The column that shows an attribute (ICMPV6_TYPE shares the ICMP type column). */
    static String column(String attribute) {
        return switch (attribute) {
            case PROTOCOL, RULE_TYPE, IP, SIZE, NETWORK_ID, RANGE, ICMP_TYPE -> attribute;
            case "ICMPV6_TYPE" -> ICMP_TYPE;
            default -> WHOLE_ROW;
        };
    }

    /** Everything the user edits, for a list extractor (a change in any row updates the editor). */
    public List<Observable> inputs() {
        return List.of(protocol, direction, ip, size, networkId, range, icmpType);
    }

    /** The text cell of {@code column} (one of IP, SIZE, NETWORK_ID, RANGE, ICMP_TYPE). */
    public StringProperty text(String column) {
        return switch (column) {
            case IP -> ip;
            case SIZE -> size;
            case NETWORK_ID -> networkId;
            case RANGE -> range;
            case ICMP_TYPE -> icmpType;
            default -> throw new IllegalArgumentException("not a text column of the rules table: " + column);
        };
    }

    /** Whether the cell of {@code column} means anything for the row's protocol (else it is read-only). */
    public boolean applies(String column) {
        Protocol p = protocol.get();
        return switch (column) {
            case RANGE -> p != null && p.hasPorts();
            case ICMP_TYPE -> p != null && p.icmpTypeAttribute().isPresent();
            default -> true;
        };
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /** The parsed rule; empty while the row is invalid. */
    public ReadOnlyObjectProperty<Optional<SecurityRule>> ruleProperty() {
        return rule.getReadOnlyProperty();
    }

    public boolean isValid() {
        return rule.get().isPresent();
    }

    /** The column of the current error ({@link #WHOLE_ROW} when valid or when no column fits). */
    public ReadOnlyStringProperty errorColumnProperty() {
        return errorColumn.getReadOnlyProperty();
    }

    /** The model's message for the current error; empty when the row is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The rule in words, or the error when the row is invalid. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
