package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vnetdesk.model.VnetException;

/** The one line a console that cannot start prints, for the toolkit's failures seen on real machines. */
class ConsoleLauncherTest {

    @Test
    void aMissingGtkNamesThePackageToInstall() {
        // as Application.launch throws it on a machine without libgtk-3-0
        String line = ConsoleLauncher.whyNotStarted(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertTrue(line.startsWith("the console needs GTK 3, which is not installed: install the package libgtk-3-0"),
                line);
        assertEquals(line, ConsoleLauncher.whyNotStarted(new RuntimeException("Application launch error",
                new UnsatisfiedLinkError("libglassgtk3.so: libgtk-3.so.0: cannot open shared object file"))));
        assertEquals(1, line.lines().count());
    }

    @Test
    void noDisplaySaysSoAndPointsToTheCli() {
        String line = ConsoleLauncher.whyNotStarted(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertTrue(line.contains("needs a graphical display") && line.contains("DISPLAY"), line);
    }

    @Test
    void anInventoryRefusalIsItsOwnMessageAndAnythingElseIsNamed() {
        assertEquals("--data: /x is a file, not a folder",
                ConsoleLauncher.whyNotStarted(new VnetException("--data: /x is a file, not a folder")));
        assertEquals("cannot start the console: java.lang.IllegalStateException: Toolkit already initialized",
                ConsoleLauncher.whyNotStarted(new IllegalStateException("Toolkit already initialized")));
    }
}
