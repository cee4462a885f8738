package vnetdesk.ui.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vnetdesk.template.TemplateAttribute;

/** One AR vector of a template, as a line of its Addresses tab (the template stores no addresses yet). */
public record TemplateAr(Map<String, String> attributes) {

    /** The fields a refusal about an address range names (the AR vector itself, or one of its entries). */
    static final Set<String> FIELDS = Set.of("AR", "TYPE", "IP", "SIZE", "MAC", "IP6", "PREFIX_LENGTH",
            "GLOBAL_PREFIX", "ULA_PREFIX");

    public TemplateAr {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    static TemplateAr of(TemplateAttribute.Vector v) {
        Map<String, String> a = new LinkedHashMap<>();
        v.entries().forEach(e -> a.put(e.name(), e.value()));
        return new TemplateAr(a);
    }

    TemplateAttribute.Vector toVector() {
        List<TemplateAttribute.Single> entries = new ArrayList<>();
        attributes.forEach((k, v) -> entries.add(new TemplateAttribute.Single(k, v)));
        return new TemplateAttribute.Vector("AR", entries);
    }

    public String type() {
        return attributes.getOrDefault("TYPE", "");
    }

    /** The first address given: IPv4, static IPv6, or the MAC for Ethernet ranges. */
    public String first() {
        return attributes.getOrDefault("IP", attributes.getOrDefault("IP6", attributes.getOrDefault("MAC", "")));
    }

    public String size() {
        return attributes.getOrDefault("SIZE", "");
    }

    public String mac() {
        return attributes.getOrDefault("MAC", "generated");
    }

    public String prefixes() {
        return String.join(" ", attributes.entrySet().stream()
                .filter(e -> e.getKey().endsWith("_PREFIX") || e.getKey().equals("PREFIX_LENGTH"))
                .map(e -> e.getKey().equals("PREFIX_LENGTH") ? "/" + e.getValue() : e.getValue()).toList());
    }
}
