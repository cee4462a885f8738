package vnetdesk.ui;

import javafx.application.Application;

/** Starts the JavaFX console; kept apart from Main so the CLI never loads the toolkit. */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
