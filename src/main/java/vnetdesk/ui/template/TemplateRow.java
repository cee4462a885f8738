package vnetdesk.ui.template;

import java.util.Locale;

import vnetdesk.model.Driver;
import vnetdesk.model.ValidationException;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.service.NetworkTemplateService.TemplateSummary;
import vnetdesk.ui.common.OwnedObjectActions;

/** One line of the network templates table: what the columns show, computed once per load. */
public record TemplateRow(int id, String name, String owner, String group, String driver, int ars, String lock) {

    static TemplateRow of(TemplateSummary s) {
        NetworkTemplate t = s.template();
        String driver = t.body().single("VN_MAD").map(TemplateRow::driverLabel).orElse("");
        return new TemplateRow(t.id(), t.name(), s.ownerName(), s.groupName(), driver, t.addressRangeCount(),
                t.lock().map(Enum::name).orElse(""));
    }

    /** The driver's readable label; a value the model does not know is shown as written. */
    private static String driverLabel(String mad) {
        try {
            return Driver.parse("VN_MAD", mad).label();
        } catch (ValidationException e) {
            return mad;
        }
    }

    public boolean locked() {
        return !lock.isEmpty();
    }

    /** The template as the whole-object actions name it; deleting it leaves its networks. */
    OwnedObjectActions.Target target() {
        return new OwnedObjectActions.Target(id, name, owner, group, " Networks made from it stay.");
    }

    /** Whether the filter text (case-insensitive) appears in the id, name, driver, owner or group. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(Locale.ROOT).contains(f)
                || driver.toLowerCase(Locale.ROOT).contains(f) || owner.toLowerCase(Locale.ROOT).contains(f)
                || group.toLowerCase(Locale.ROOT).contains(f);
    }
}
