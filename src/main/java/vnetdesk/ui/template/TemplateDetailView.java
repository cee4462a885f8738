package vnetdesk.ui.template;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

import vnetdesk.model.Problem;
import vnetdesk.ui.common.EditorHeader;
import vnetdesk.ui.common.SaveShortcut;
import vnetdesk.ui.common.TabErrors;
import vnetdesk.ui.common.netform.NetworkForm;

/**
 * The detail area of the templates view: title with Save / Revert, a banner
 * for refusals that name no field (a lock), and the tabs General, Conf, QoS,
 * Context, Addresses, Security.
 */
final class TemplateDetailView {

    private final TemplateEditorViewModel editor;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    /**
     * {@code saved} gets the id of a template saved through the form; {@code changeOwner} runs the
     * General tab's Change owner…; {@code permissionsApplied} gets the id after a chmod.
     */
    TemplateDetailView(TemplateEditorViewModel editor, IntConsumer saved, Runnable changeOwner,
                       IntConsumer permissionsApplied) {
        this.editor = editor;
        TemplateFormTabs form = new TemplateFormTabs(editor, changeOwner, permissionsApplied);
        Tab general = form.general();
        Tab conf = form.conf();
        Tab qos = form.qos();
        Tab context = form.context();
        Tab addresses = new TemplateAddressesTab(editor).build();
        Tab security = form.security();
        tabs.getTabs().addAll(general, conf, qos, context, addresses, security);
        tabs.setId("template-tabs");
        // a tab whose fields have errors says so, since the field may not be on screen
        Set<String> confFields = new HashSet<>(NetworkForm.CONF);
        confFields.addAll(NetworkForm.FLAGS);
        confFields.add("VN_MAD");
        Set<String> elsewhere = new HashSet<>(confFields);
        elsewhere.addAll(NetworkForm.GENERAL);
        elsewhere.addAll(NetworkForm.QOS);
        elsewhere.add(NetworkForm.SECURITY_GROUPS);
        elsewhere.add(Problem.WHOLE);
        elsewhere.addAll(TemplateAr.FIELDS);
        TabErrors.mark(general, editor.errors(), NetworkForm.GENERAL::contains);
        TabErrors.mark(conf, editor.errors(), confFields::contains);
        TabErrors.mark(qos, editor.errors(), NetworkForm.QOS::contains);
        TabErrors.mark(context, editor.errors(), k -> !elsewhere.contains(k));
        TabErrors.mark(addresses, editor.errors(), TemplateAr.FIELDS::contains);
        TabErrors.mark(security, editor.errors(), NetworkForm.SECURITY_GROUPS::equals);

        Label title = new Label();
        title.setId("template-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> editor.currentProperty().get()
                .map(s -> s.template().label() + (editor.dirtyProperty().get() ? "  •  unsaved changes" : ""))
                .orElse("New network template"), editor.currentProperty(), editor.dirtyProperty()));
        Button save = new Button("Save");
        save.setId("template-save");
        // enabled while invalid: pressing Save then shows every error
        save.disableProperty().bind(editor.dirtyProperty().not().or(editor.busyProperty()));
        save.setOnAction(e -> editor.save(saved));
        save.setTooltip(new Tooltip("Save the changes (Ctrl+S)"));
        SaveShortcut.install(root, save);
        Button revert = new Button("Revert");
        revert.setId("template-revert");
        revert.disableProperty().bind(editor.dirtyProperty().not());
        revert.setOnAction(e -> editor.revert());
        Label banner = new Label();
        banner.setId("template-banner");
        banner.getStyleClass().add("error-banner");
        banner.textProperty().bind(Bindings.createStringBinding(() -> form.errors().unplaced(), editor.errors()));
        root.setTop(EditorHeader.of(title, editor.busyProperty(), revert, save, banner));
        root.setCenter(tabs);
    }

    /** Brings the first tab forward (a new template is started). */
    void selectFirstTab() {
        tabs.getSelectionModel().selectFirst();
    }

    BorderPane node() {
        return root;
    }
}
