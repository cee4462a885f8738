package vnetdesk.ui.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vnetdesk.model.LockLevel;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions;
import vnetdesk.service.NetworkTemplateService.NetworkTemplate;
import vnetdesk.ui.common.Dialogs.UnsavedChoice;
import vnetdesk.ui.common.netform.ArForm;

/** The template editor behind the tabs, without the toolkit, against a real inventory. */
class TemplateEditorViewModelTest extends TemplateTestBase {

    private final List<Integer> saved = new ArrayList<>();
    private TemplateEditorViewModel editor;

    @BeforeEach
    void createEditor() {
        editor = new TemplateEditorViewModel(inventory, ADMIN, runner, dialogs);
    }

    private static ArForm ar(String ip, String size) {
        ArForm f = new ArForm();
        f.field("IP").set(ip);
        f.field("SIZE").set(size);
        return f;
    }

    @Test
    void loadingPrivateIpv4FillsTheFormAndIsNotDirty() {
        editor.edit(0, () -> { });
        assertEquals("Private IPv4", editor.form().text("NAME").get());
        assertEquals("fw", editor.form().driverProperty().get().mad());
        assertEquals("0", editor.form().text("SECURITY_GROUPS").get());
        assertFalse(editor.dirtyProperty().get());
        assertTrue(editor.validProperty().get());
        assertTrue(editor.mayChmod());
    }

    @Test
    void aRenameElsewhereReachesAFormWithEditsSoSaveKeepsTheNewName() {
        editor.edit(0, () -> { });
        editor.form().text("DESCRIPTION").set("lab networks");
        inventory.templates().rename(ADMIN, ObjectRef.id(0), "Private lab");
        editor.refreshIfShowing(0);
        assertEquals("Private lab", editor.form().text("NAME").get());
        assertTrue(editor.dirtyProperty().get(), "the description edit stays");
        editor.save(saved::add);
        assertEquals("Private lab", stored(0).name());
        assertEquals(Optional.of("lab networks"), stored(0).body().single("DESCRIPTION"));
    }

    @Test
    void theSecurityTabChecksGroupsAndDropsDefaultInOneClick() {
        int web = inventory.securityGroups().create(ADMIN, vnetdesk.template.TemplateParser.parse("NAME = web\n", "t"));
        editor.edit(0, () -> { });
        var groups = editor.securityGroups();
        assertEquals(List.of(0, web), groups.groups().stream().map(g -> g.id()).toList());
        groups.groups().get(1).checkedProperty().set(true);
        assertEquals("0," + web, editor.form().text("SECURITY_GROUPS").get());
        assertTrue(groups.defaultGroupWarningProperty().get().contains("allows all traffic"));
        groups.removeDefaultGroup();
        assertEquals(String.valueOf(web), editor.form().text("SECURITY_GROUPS").get());
        assertEquals("", groups.defaultGroupWarningProperty().get());
        editor.save(saved::add);
        assertEquals(Optional.of(String.valueOf(web)), stored(0).body().single("SECURITY_GROUPS"));
    }

    @Test
    void savingAnEditedTemplateReplacesItsAttributesAndArs() {
        editor.edit(0, () -> { });
        editor.form().text("DESCRIPTION").set("lab networks");
        editor.form().text("MTU").set("9000");
        assertTrue(editor.addAr(ar("10.9.0.1", "50")));
        assertTrue(editor.dirtyProperty().get());

        editor.save(saved::add);

        assertEquals(List.of(0), saved);
        NetworkTemplate t = stored(0);
        assertEquals(Optional.of("lab networks"), t.body().single("DESCRIPTION"));
        assertEquals(Optional.of("9000"), t.body().single("MTU"));
        assertEquals(Optional.of("fw"), t.body().single("VN_MAD"));
        assertEquals(Optional.empty(), t.body().single("BRIDGE"), "empty fields are not stored");
        assertEquals(1, t.addressRangeCount());
        assertEquals(Optional.of("10.9.0.1"), t.body().vectors("AR").get(0).get("IP"));
        assertFalse(editor.dirtyProperty().get(), "the form shows what was stored");
    }

    @Test
    void removingTheLastArSavesATemplateWithoutArs() {
        editor.edit(0, () -> { });
        editor.addAr(ar("10.9.0.1", "50"));
        editor.save(saved::add);
        editor.removeAr(editor.ars().get(0));
        editor.save(saved::add);
        assertEquals(0, stored(0).addressRangeCount());
    }

    @Test
    void aBadArIsNotAddedAndShowsItsError() {
        editor.edit(0, () -> { });
        ArForm bad = ar("10.9.0.300", "50");
        assertFalse(editor.addAr(bad));
        assertTrue(bad.errors().containsKey("IP"), bad.errors().toString());
        assertTrue(editor.ars().isEmpty());
    }

    @Test
    void aBadFieldIsShownAndNothingIsSaved() {
        editor.edit(0, () -> { });
        editor.form().text("MTU").set("12");
        assertTrue(editor.errors().getOrDefault("MTU", "").contains("12"), editor.errors().toString());
        int before = runner.completed();
        editor.save(saved::add);
        assertEquals(before, runner.completed(), "the service was not called");
        assertEquals(Optional.empty(), stored(0).body().single("MTU"));
    }

    @Test
    void aLockedTemplateRefusesTheSaveAndTheFormSaysWhy() {
        inventory.templates().lock(ADMIN, ObjectRef.id(0), LockLevel.MANAGE);
        editor.edit(0, () -> { });
        editor.form().text("DESCRIPTION").set("changed");

        editor.save(saved::add);

        assertEquals(List.of(), saved);
        assertTrue(editor.errors().getOrDefault("", "").contains("locked"), editor.errors().toString());
        assertTrue(editor.dirtyProperty().get(), "the edits stay in the form");
        assertEquals(List.of(), dialogs.errors, "a refusal is no crash: no error dialog");
    }

    @Test
    void createModeAllocatesANewTemplateAndHidesErrorsUntilSave() {
        assertEquals(TemplateEditorViewModel.Mode.CREATE, editor.modeProperty().get());
        assertTrue(editor.errors().isEmpty(), "an empty form is not scolded");
        editor.save(saved::add);
        assertTrue(editor.errors().containsKey("NAME"), editor.errors().toString());

        editor.form().text("NAME").set("vlan-template");
        editor.form().driverProperty().set(vnetdesk.model.Driver.VLAN);
        editor.form().text("PHYDEV").set("eth0");
        editor.form().flag("AUTOMATIC_VLAN_ID").set(true);
        editor.save(saved::add);

        assertEquals(1, saved.size());
        NetworkTemplate t = stored(saved.get(0));
        assertEquals("vlan-template", t.name());
        assertEquals(Optional.of("YES"), t.body().single("AUTOMATIC_VLAN_ID"));
        assertEquals(TemplateEditorViewModel.Mode.EDIT, editor.modeProperty().get());
    }

    @Test
    void chmodGoesToTheServiceAndTheEditorShowsIt() {
        editor.edit(0, () -> { });
        editor.chmod(new Permissions(0600), saved::add);
        assertEquals(new Permissions(0600), stored(0).ownership().permissions());
        assertEquals(new Permissions(0600),
                editor.currentProperty().get().orElseThrow().template().ownership().permissions());
        assertEquals(List.of(0), saved);
    }

    @Test
    void leavingWithUnsavedEditsAsksAndDiscardReverts() {
        editor.edit(0, () -> { });
        editor.form().text("DESCRIPTION").set("changed");
        List<String> left = new ArrayList<>();
        dialogs.answer(UnsavedChoice.CANCEL);
        editor.leave(() -> left.add("left"));
        assertEquals(List.of(), left);
        dialogs.answer(UnsavedChoice.DISCARD);
        editor.leave(() -> left.add("left"));
        assertEquals(List.of("left"), left);
        assertFalse(editor.form().text("DESCRIPTION").get().equals("changed"));
    }

    @Test
    void typedAttributesWithoutAFieldSurviveASave() {
        int id = inventory.templates().allocate(ADMIN, vnetdesk.template.TemplateParser.parse(
                "NAME = rr\nVN_MAD = bridge\nALLOCATION = ROUND_ROBIN\n", "t"));
        editor.edit(id, () -> { });
        editor.form().text("DESCRIPTION").set("round robin");
        editor.save(saved::add);
        NetworkTemplate t = stored(id);
        assertEquals(Optional.of("ROUND_ROBIN"), t.body().single("ALLOCATION"));
        assertEquals(Optional.of("round robin"), t.body().single("DESCRIPTION"));
    }
}
