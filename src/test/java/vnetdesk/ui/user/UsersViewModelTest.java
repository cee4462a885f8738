package vnetdesk.ui.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vnetdesk.model.AclRule;
import vnetdesk.model.Actor;
import vnetdesk.service.UserService.UserInfo;
import vnetdesk.ui.common.ViewModelTestBase;

/** Users & Groups without the toolkit: what an administrator changes and what a normal user is told. */
class UsersViewModelTest extends ViewModelTestBase {

    @Test
    void anAdministratorCreatesUsersGroupsAndAclRules() {
        UsersViewModel vm = new UsersViewModel(inventory, Actor.ONEADMIN, runner, dialogs);
        vm.reload();
        assertEquals(List.of("oneadmin", "users"), vm.groups().stream().map(g -> g.name()).toList());
        dialogs.answer(Optional.of("lab"));
        vm.createGroup();
        dialogs.answer(Optional.of("bob")).answer(Optional.of("lab"));
        vm.createUser();
        UserInfo bob = vm.users().stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow();
        assertEquals("lab", bob.groupName());
        dialogs.answer(Optional.of("users"));
        vm.changeGroup(bob);
        assertEquals("users", vm.users().stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow()
                .groupName());
        dialogs.answer(Optional.of("@1 VNTEMPLATE/* CREATE"));
        vm.addAcl();
        assertEquals(List.of("@1 VNTEMPLATE/* CREATE"), vm.acls().stream().map(AclRule::text).toList());
        dialogs.answer(Optional.of("@1 NETS/* USE"));
        vm.addAcl();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("unknown resource type NETS"), dialogs.errors.toString());
        dialogs.answer(true);
        vm.deleteAcl(vm.acls().get(0));
        assertTrue(vm.acls().isEmpty());
    }

    @Test
    void aNormalUserIsToldWhyAChangeIsRefused() {
        inventory.users().createUser(Actor.ONEADMIN, "bob", "users");
        UsersViewModel vm = new UsersViewModel(inventory, inventory.actor("bob"), runner, dialogs);
        vm.reload();
        dialogs.answer(Optional.of("eve")).answer(Optional.of("users"));
        vm.createUser();
        assertEquals(List.of("Cannot create user eve: user bob may not create users: it needs oneadmin rights"
                + " (a member of the oneadmin group)"), dialogs.errors);
        assertEquals(2, vm.users().size());
    }
}
