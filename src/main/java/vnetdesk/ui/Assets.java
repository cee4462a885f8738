package vnetdesk.ui;

import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

import javafx.scene.image.Image;

/**
 * The console's look, shipped from {@code assets/} on the class path: the
 * stylesheet and the application icon (toolbar icons are {@link
 * vnetdesk.ui.common.Icons}).
 */
final class Assets {

    private Assets() {
    }

    static String stylesheet() {
        URL url = Assets.class.getResource("/assets/vnetdesk.css");
        if (url == null) {
            throw new IllegalStateException("the stylesheet assets/vnetdesk.css is missing from the class path");
        }
        return url.toExternalForm();
    }

    static Optional<Image> icon() {
        InputStream in = Assets.class.getResourceAsStream("/assets/icons/vnetdesk-64.png");
        return in == null ? Optional.empty() : Optional.of(new Image(in));
    }
}
