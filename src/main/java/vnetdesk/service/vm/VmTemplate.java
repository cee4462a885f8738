package vnetdesk.service.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vnetdesk.model.Attributes;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ValidationException;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;

/**
 * An OpenNebula VM template as vnetdesk reads it: the name, the NICs to
 * attach ({@code NIC = [ … ]}), and the other single attributes as the VM's
 * user template ({@code GATEWAY_IFACE}, {@code SCHED_REQUIREMENTS} …). Other
 * vectors (DISK, GRAPHICS …) concern what vnetdesk does not manage and are
 * refused rather than silently dropped.
 */
record VmTemplate(Optional<String> name, Map<String, String> attributes, List<NicRequest> nics) {

    /** Attributes that are the VM's own fields, never user template attributes. */
    private static final Set<String> OWN = Set.of("ID", "UID", "GID", "UNAME", "GNAME", "STATE", "LCM_STATE",
            "VMID", "TEMPLATE_ID");

    static VmTemplate parse(Template t) {
        Optional<String> name = t.single("NAME").map(n -> NetworkAttributes.checkName("NAME", n));
        Map<String, String> attributes = new LinkedHashMap<>();
        List<NicRequest> nics = new ArrayList<>();
        for (TemplateAttribute a : t.attributes()) {
            if (a instanceof TemplateAttribute.Single s) {
                if (s.name().equals("NAME")) {
                    continue;
                }
                if (attributes.containsKey(s.name())) {
                    throw new ValidationException(s.name(), s.name() + ": given twice in one VM template");
                }
                checkUserAttribute(s.name(), s.value());
                attributes.put(s.name(), s.value());
            } else if (a.name().equals("NIC")) {
                Map<String, String> entries = new LinkedHashMap<>();
                ((TemplateAttribute.Vector) a).entries().forEach(e -> entries.put(e.name(), e.value()));
                nics.add(NicAttributes.request("NIC " + nics.size(), entries));
            } else {
                throw new ValidationException(a.name(), a.name() + ": vnetdesk keeps the networking of a VM only;"
                        + " remove the " + a.name() + " vector (NIC is the one vector it reads)");
            }
        }
        return new VmTemplate(name, attributes, nics);
    }

    /**
     * Checks one attribute of a VM's user template, wherever it comes from (a VM
     * template, an imported VM): a valid name that is not one of the VM's own
     * fields, and text without control characters.
     */
    static void checkUserAttribute(String name, String value) {
        Attributes.name(name);
        if (OWN.contains(name)) {
            throw ValidationException.invalid(name, value, "set by vnetdesk, not by a VM template");
        }
        NetworkAttributes.checkText(name, value, NetworkAttributes.MAX_TEXT_LENGTH);
    }
}
