package vnetdesk.ui.secgroup;

import java.util.List;

import vnetdesk.model.ObjectRef;
import vnetdesk.model.SecurityGroup;
import vnetdesk.service.SecurityGroupService.GroupSummary;
import vnetdesk.ui.common.ViewModelTestBase;

/**
 * What the security-group ViewModel tests need: a real inventory in a temp
 * folder, a same-thread runner, scripted dialogs, and the stored groups.
 */
abstract class SecGroupTestBase extends ViewModelTestBase {

    /** The stored groups other than {@code default}. */
    List<SecurityGroup> stored() {
        return inventory.securityGroups().list(ADMIN).stream().map(GroupSummary::group)
                .filter(g -> g.id() != SecurityGroup.DEFAULT_ID).toList();
    }

    GroupSummary summary(int id) {
        return inventory.securityGroups().show(ADMIN, ObjectRef.id(id)).summary();
    }
}
