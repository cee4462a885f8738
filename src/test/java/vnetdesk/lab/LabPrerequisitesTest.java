package vnetdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing prerequisite skips a lab test on a laptop and fails it where the lab is required (CI). */
class LabPrerequisitesTest {

    @Test
    void aMissingPrerequisiteSkipsWithOneLineNamingIt() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> LabPrerequisites.unavailable("/nonexistent/sshd is missing (LabPrerequisitesTest)", false));
        assertTrue(skipped.getMessage().endsWith("lab unavailable: /nonexistent/sshd is missing (LabPrerequisitesTest)"), skipped.getMessage());
        assertEquals(1, skipped.getMessage().lines().count());
    }

    @Test
    void aMissingPrerequisiteFailsWhenTheLabIsRequired() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> LabPrerequisites.unavailable("not running as root on Linux", true));
        assertTrue(failed.getMessage().contains("not running as root on Linux"), failed.getMessage());
        assertTrue(failed.getMessage().contains("vnetdesk.lab.required=true"), failed.getMessage());
    }
}
