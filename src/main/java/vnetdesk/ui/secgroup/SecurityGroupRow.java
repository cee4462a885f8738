package vnetdesk.ui.secgroup;

import java.util.Locale;

import vnetdesk.model.SecurityGroup;
import vnetdesk.service.SecurityGroupService.GroupSummary;
import vnetdesk.ui.common.OwnedObjectActions;

/** One line of the security groups table: what its columns show, computed once per load. */
public record SecurityGroupRow(int id, String name, String owner, String group, int rules, String networks) {

    static SecurityGroupRow of(GroupSummary s) {
        SecurityGroup g = s.group();
        return new SecurityGroupRow(g.id(), g.name(), s.ownerName(), s.groupName(), g.rules().size(),
                String.join(", ", s.networks()));
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }

    /** The group as the whole-object actions name it; a delete is refused while networks use it. */
    OwnedObjectActions.Target target() {
        String users = networks.isEmpty() ? ""
                : "\n\nIt is used by networks " + networks + "; delete is refused until they drop it.";
        return new OwnedObjectActions.Target(id, name, owner, group, users);
    }

    /** Whether the filter text (case-insensitive) is the id or appears in the name, owner, group or networks. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        return String.valueOf(id).equals(f) || name.toLowerCase(Locale.ROOT).contains(f)
                || owner.toLowerCase(Locale.ROOT).contains(f) || group.toLowerCase(Locale.ROOT).contains(f)
                || networks.toLowerCase(Locale.ROOT).contains(f);
    }
}
