package vnetdesk.ui.common.netform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import vnetdesk.model.Driver;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.Qos;

/**
 * The editable attributes of a network as properties, one per form field,
 * keyed by their OpenNebula attribute names (which is also what validation
 * errors name, so an error lands on its field). Converts from and to the
 * attribute map the service takes.
 */
public final class NetworkForm {

    /** A custom context/template attribute row of the Context tab. */
    public static final class Custom {
        private final StringProperty key = new SimpleStringProperty("");
        private final StringProperty value = new SimpleStringProperty("");

        public Custom(String k, String v) {
            key.set(k);
            value.set(v);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    public static final List<String> GENERAL = List.of("NAME", "DESCRIPTION", "CLUSTER_IDS");
    public static final List<String> CONF = List.of("BRIDGE", "BRIDGE_TYPE", "VLAN_ID", "PHYDEV", "MTU");
    public static final List<String> FLAGS = List.of("AUTOMATIC_VLAN_ID", "FILTER_MAC_SPOOFING", "FILTER_IP_SPOOFING");
    public static final List<String> QOS = List.of(Qos.ATTRIBUTES);
    public static final List<String> CONTEXT = List.of("NETWORK_ADDRESS", "NETWORK_MASK", "GATEWAY", "GATEWAY6",
            "DNS", "GUEST_MTU", "SEARCH_DOMAIN");
    public static final String SECURITY_GROUPS = "SECURITY_GROUPS";
    /** Attributes with their own field; everything else is a custom row. */
    private static final Set<String> FIELDS;

    static {
        java.util.HashSet<String> f = new java.util.HashSet<>();
        f.addAll(GENERAL);
        f.addAll(CONF);
        f.addAll(FLAGS);
        f.addAll(QOS);
        f.addAll(CONTEXT);
        f.add(SECURITY_GROUPS);
        f.add("VN_MAD");
        FIELDS = Set.copyOf(f);
    }

    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> flags = new LinkedHashMap<>();
    private final ObjectProperty<Driver> driver = new SimpleObjectProperty<>(Driver.BRIDGE);
    private final ObservableList<Custom> custom = FXCollections.observableArrayList(
            c -> new Observable[]{c.keyProperty(), c.valueProperty()});

    public NetworkForm() {
        for (List<String> group : List.of(GENERAL, CONF, QOS, CONTEXT, List.of(SECURITY_GROUPS))) {
            group.forEach(k -> text.put(k, new SimpleStringProperty("")));
        }
        FLAGS.forEach(k -> flags.put(k, new SimpleBooleanProperty(false)));
        text.get("CLUSTER_IDS").set("0");
        text.get(SECURITY_GROUPS).set("0");
        // as oned on a driver change: a BRIDGE_TYPE the new driver does not allow goes (its default applies)
        driver.addListener((o, was, now) -> {
            String type = text.get("BRIDGE_TYPE").get();
            if (now != null && type != null && !type.isBlank() && !now.bridgeTypes().contains(type.trim())) {
                text.get("BRIDGE_TYPE").set("");
            }
        });
    }

    public StringProperty text(String attribute) {
        StringProperty p = text.get(attribute);
        if (p == null) {
            throw new IllegalArgumentException("no text field " + attribute);
        }
        return p;
    }

    public BooleanProperty flag(String attribute) {
        BooleanProperty p = flags.get(attribute);
        if (p == null) {
            throw new IllegalArgumentException("no flag " + attribute);
        }
        return p;
    }

    public ObjectProperty<Driver> driverProperty() {
        return driver;
    }

    public ObservableList<Custom> custom() {
        return custom;
    }

    /** Each field's property by attribute name (VN_MAD for the driver), for "this field was edited". */
    public Map<String, Observable> fieldsByAttribute() {
        Map<String, Observable> all = new LinkedHashMap<>(text);
        all.putAll(flags);
        all.put("VN_MAD", driver);
        return all;
    }

    /** Every property, for "something changed" listeners. */
    public List<Observable> observables() {
        List<Observable> all = new java.util.ArrayList<>(text.values());
        all.addAll(flags.values());
        all.add(driver);
        all.add(custom);
        return all;
    }

    /** Fills the form from a network's attributes ({@link NetworkAttributes#toAttributes}). */
    public void load(Map<String, String> attributes) {
        Map<String, String> a = new LinkedHashMap<>();
        attributes.forEach((k, v) -> a.put(k.toUpperCase(Locale.ROOT), v));
        text.forEach((k, p) -> p.set(a.getOrDefault(k, "")));
        flags.forEach((k, p) -> p.set("YES".equalsIgnoreCase(a.getOrDefault(k, "NO"))));
        driver.set(Driver.parse("VN_MAD", a.getOrDefault("VN_MAD", "bridge")));
        custom.setAll(a.entrySet().stream().filter(e -> !FIELDS.contains(e.getKey())
                        && !NetworkAttributes.TYPED.contains(e.getKey()))
                .map(e -> new Custom(e.getKey(), e.getValue())).toList());
    }

    /**
     * The attributes to save. Fields the service keeps when omitted (bridge,
     * PHYDEV, VLAN) are always sent, empty when cleared, so clearing them in the
     * form clears them in the inventory.
     */
    public Map<String, String> toAttributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("VN_MAD", driver.get().mad());
        text.forEach((k, p) -> {
            String v = p.get() == null ? "" : p.get().trim();
            if (!v.isEmpty() || k.equals("NAME") || CONF.contains(k) || k.equals("CLUSTER_IDS")
                    || k.equals(SECURITY_GROUPS)) {
                a.put(k, v);
            }
        });
        if (flags.get("AUTOMATIC_VLAN_ID").get()) {
            a.put("VLAN_ID", "");
        }
        flags.forEach((k, p) -> a.put(k, p.get() ? "YES" : "NO"));
        for (Custom c : custom) {
            String k = c.keyProperty().get() == null ? "" : c.keyProperty().get().trim().toUpperCase(Locale.ROOT);
            if (!k.isEmpty()) {
                a.put(k, c.valueProperty().get() == null ? "" : c.valueProperty().get());
            }
        }
        return a;
    }
}
