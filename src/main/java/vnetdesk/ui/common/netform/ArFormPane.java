package vnetdesk.ui.common.netform;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;

/**
 * The fields of one {@link ArForm}: the type, then only the fields that type
 * uses. Ids are {@code <prefix><ATTRIBUTE>} (the dialogs use {@code ar-}, the
 * new network's first AR {@code first-ar-}), error lines {@code error-<ATTRIBUTE>}.
 */
public final class ArFormPane {

    private static final Map<String, String[]> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("IP", new String[]{"First IPv4", "e.g. 10.0.0.1"});
        FIELDS.put("IP6", new String[]{"First IPv6", "e.g. 2001:db8::10"});
        FIELDS.put("PREFIX_LENGTH", new String[]{"IPv6 prefix length", "e.g. 64"});
        FIELDS.put("SIZE", new String[]{"Size", "number of addresses"});
        FIELDS.put("MAC", new String[]{"First MAC", "empty: generated (02:00:…)"});
        FIELDS.put("GLOBAL_PREFIX", new String[]{"Global /64 prefix", "SLAAC, e.g. 2001:db8:1::"});
        FIELDS.put("ULA_PREFIX", new String[]{"ULA /64 prefix", "SLAAC, e.g. fd00:1::"});
    }

    private ArFormPane() {
    }

    /** The form's fields, rebuilt when the type changes; field ids {@code <idPrefix><ATTRIBUTE>}. */
    public static Node build(ArForm form, String idPrefix) {
        FieldErrors errors = new FieldErrors(form.errors());
        VBox box = new VBox();
        Runnable rebuild = () -> box.getChildren().setAll(grid(form, errors, idPrefix).node());
        form.typeProperty().addListener((o, was, now) -> rebuild.run());
        rebuild.run();
        return box;
    }

    private static FormGrid grid(ArForm form, FieldErrors errors, String idPrefix) {
        FormGrid g = new FormGrid();
        ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(ArForm.TYPES));
        type.setId(idPrefix + "TYPE");
        type.valueProperty().bindBidirectional(form.typeProperty());
        type.setDisable(form.isModify());
        g.add("Type", type, errors.register("TYPE", type), FormGrid.hint(typeHint(form.typeProperty().get())));
        for (String attribute : form.fieldsOfType()) {
            String[] label = FIELDS.get(attribute);
            TextField f = new TextField();
            f.setId(idPrefix + attribute);
            f.setPromptText(label[1]);
            f.textProperty().bindBidirectional(form.field(attribute));
            boolean fixed = form.isModify() && (attribute.equals("IP") || attribute.equals("IP6")
                    || attribute.equals("MAC"));
            f.setDisable(fixed);
            g.add(label[0], f, errors.register(attribute, f));
        }
        Label general = new Label();
        general.getStyleClass().add("field-error");
        general.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(errors::unplaced, form.errors()));
        g.wide(general);
        return g;
    }

    private static String typeHint(String type) {
        return switch (type) {
            case "IP4" -> "IPv4 addresses, MACs derived from them";
            case "IP4_6" -> "dual stack: IPv4 plus SLAAC IPv6 from the prefixes";
            case "IP6" -> "SLAAC IPv6 only (addresses from the MAC)";
            case "IP6_STATIC" -> "IPv6 assigned in sequence from the first address";
            case "IP4_6_STATIC" -> "IPv4 plus static IPv6";
            default -> "Ethernet: MAC addresses only";
        };
    }
}
