package vnetdesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCombination;

/**
 * Ctrl+S for an editor: the shortcut belongs to the scene, so the editor
 * takes it whenever it is put on screen, and it fires only while the editor is
 * still in that scene (a view swapped out never saves behind the user's back).
 */
public final class SaveShortcut {

    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");

    private SaveShortcut() {
    }

    public static void install(Node root, Button save) {
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(SAVE, () -> {
                    if (root.getScene() == scene && !save.isDisabled()) {
                        save.fire();
                    }
                });
            }
        });
    }
}
