package vnetdesk.ui.template;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import vnetdesk.ui.common.SaveShortcut;
import vnetdesk.ui.network.FormValidation;
import vnetdesk.ui.network.NetworkForm;

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
        elsewhere.add(FormValidation.GENERAL);
        elsewhere.addAll(TemplateAr.FIELDS);
        mark(general, NetworkForm.GENERAL::contains);
        mark(conf, confFields::contains);
        mark(qos, NetworkForm.QOS::contains);
        mark(context, k -> !elsewhere.contains(k));
        mark(addresses, TemplateAr.FIELDS::contains);
        mark(security, NetworkForm.SECURITY_GROUPS::equals);

        Label title = new Label();
        title.getStyleClass().add("detail-title");
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
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(editor.busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, busy, revert, save);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 10, 8, 10));
        header.getStyleClass().add("detail-header");
        Label banner = new Label();
        banner.setId("template-banner");
        banner.getStyleClass().add("error-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(() -> form.errors().unplaced(), editor.errors()));
        banner.visibleProperty().bind(banner.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        root.setTop(new VBox(header, banner));
        root.setCenter(tabs);
    }

    /** Marks {@code tab} with a red dot, its tooltip listing the messages, while a field of it has an error. */
    private void mark(Tab tab, Predicate<String> belongsHere) {
        Runnable update = () -> {
            String messages = String.join("\n", editor.errors().entrySet().stream()
                    .filter(e -> belongsHere.test(e.getKey())).map(Map.Entry::getValue).sorted().toList());
            if (messages.isEmpty()) {
                tab.setGraphic(null);
                tab.setTooltip(null);
            } else {
                Circle dot = new Circle(4);
                dot.getStyleClass().add("tab-error-dot");
                tab.setGraphic(dot);
                tab.setTooltip(new Tooltip(messages));
            }
        };
        editor.errors().addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
    }

    /** Starts a new template without asking (the caller asked, or the template shown was deleted). */
    void newTemplate() {
        editor.startCreate();
        tabs.getSelectionModel().selectFirst();
    }

    BorderPane node() {
        return root;
    }
}
