package vnetdesk.host.actual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vnetdesk.model.Driver;
import vnetdesk.model.SyntaxException;

class HostProbeTest {

    private final ProbeResult thisMachine = HostProbe.parse(Samples.read("probe-this-machine.txt"));

    @Test
    void readsFeaturesToolsPrivilegeAndSysctlsOfThisMachine() {
        assertEquals(ProbeResult.Availability.NO, thisMachine.features().get("8021q"));
        assertEquals(ProbeResult.Availability.YES, thisMachine.features().get("br_netfilter"));
        assertEquals(ProbeResult.Availability.YES, thisMachine.features().get("vxlan"));
        assertTrue(thisMachine.tools().contains("ipset"));
        assertFalse(thisMachine.tools().contains("virsh"));
        assertEquals(ProbeResult.Privilege.ROOT, thisMachine.privilege());
        assertEquals("1", thisMachine.sysctls().get("net.bridge.bridge-nf-call-iptables"));
    }

    @Test
    void aKernelWithout8021qCannotRun802_1QButRunsTheOtherDrivers() {
        assertFalse(thisMachine.supports(Driver.VLAN));
        assertEquals(List.of("802.1Q needs the kernel feature 8021q (802.1Q VLAN devices), which this kernel lacks"),
                thisMachine.drivers().get(Driver.VLAN));
        for (Driver driver : List.of(Driver.BRIDGE, Driver.FW, Driver.EBTABLES, Driver.VXLAN)) {
            assertTrue(thisMachine.supports(driver), driver + ": " + thisMachine.drivers().get(driver));
        }
        assertTrue(thisMachine.messages().stream().anyMatch(m -> m.contains("act_police")), thisMachine.messages().toString());
    }

    @Test
    void noRootNoSudoOrMissingToolsAreNamedAsReasons() {
        String text = Samples.read("probe-this-machine.txt").replace("uid=0", "uid=1000")
                .replace("tool.ipset=yes", "tool.ipset=no").replace("tool.ebtables=yes", "tool.ebtables=no")
                .replace("sysctl.net.bridge.bridge-nf-call-ip6tables=1", "sysctl.net.bridge.bridge-nf-call-ip6tables=0");
        ProbeResult probe = HostProbe.parse(text);
        assertEquals(ProbeResult.Privilege.NONE, probe.privilege());
        assertFalse(probe.supports(Driver.BRIDGE));
        assertTrue(probe.drivers().get(Driver.FW).contains("fw needs the tool ipset, which is not on the PATH"));
        assertTrue(probe.drivers().get(Driver.EBTABLES).contains("ebtables needs the tool ebtables, which is not on the PATH"));
        assertFalse(probe.drivers().get(Driver.BRIDGE).stream().anyMatch(r -> r.contains("ipset")));
        assertTrue(probe.messages().stream().anyMatch(m -> m.startsWith("net.bridge.bridge-nf-call-ip6tables is 0")));
        assertEquals(ProbeResult.Privilege.SUDO, HostProbe.parse(text.replace("sudo=no", "sudo=yes")).privilege());
    }

    @Test
    void aLoadableModuleCountsAsPresentAndBrNetfilterIsNamedForLoading() {
        ProbeResult probe = HostProbe.parse(Samples.read("probe-this-machine.txt")
                .replace("feature.8021q=no", "feature.8021q=loadable")
                .replace("feature.br_netfilter=yes", "feature.br_netfilter=loadable"));
        assertTrue(probe.supports(Driver.VLAN));
        assertTrue(probe.messages().stream().anyMatch(m -> m.contains("modprobe br_netfilter")));
    }

    @Test
    void malformedProbeOutputIsAClearError() {
        String good = Samples.read("probe-this-machine.txt");
        SyntaxException cut = assertThrows(SyntaxException.class,
                () -> HostProbe.parse(good.substring(0, good.indexOf("uid="))));
        assertTrue(cut.getMessage().contains("ends before its last line 'end=1'"), cut.getMessage());
        SyntaxException unknown = assertThrows(SyntaxException.class,
                () -> HostProbe.parse("sh: 1: uname: not found\n" + good));
        assertEquals("host probe: line 1, column 1: not a key=value line: \"sh: 1: uname: not found\"", unknown.getMessage());
        assertThrows(SyntaxException.class, () -> HostProbe.parse("colour=blue\n" + good));
        assertThrows(SyntaxException.class, () -> HostProbe.parse(good.replace("feature.vxlan=yes", "feature.vxlan=maybe")));
        assertThrows(SyntaxException.class, () -> HostProbe.parse(good.replace("tool.tc=yes\n", "")));
        assertThrows(SyntaxException.class, () -> HostProbe.parse(good + "uid=0\n"));
        assertThrows(SyntaxException.class, () -> HostProbe.parse(Samples.overlong()));
    }

    /** The script itself, run by this machine's POSIX sh (dash here: no bashisms get through). */
    @Test
    void theScriptRunByAPosixShellReadsBackThisKernel() throws IOException, InterruptedException {
        Path sh = Path.of("/bin/sh");
        Assumptions.assumeTrue(Files.isExecutable(sh), "no /bin/sh here: the probe script needs a POSIX sh");
        Process process = new ProcessBuilder(sh.toString(), "-c", HostProbe.SCRIPT).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        ProbeResult probe = HostProbe.parse(output);
        assertEquals(System.getProperty("os.version"), probe.kernelRelease());
        boolean ipInstalled = List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p)));
        assertEquals(ipInstalled, probe.tools().contains("ip"));
    }
}
