package vnetdesk.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Parameters;

import vnetdesk.model.ObjectRef;

/** A command on one network: the context and the NET argument (picocli reads inherited fields). */
abstract class NetworkCommand implements Callable<Integer> {

    final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NET", description = "network id or name")
    String net;

    NetworkCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The network NET names. */
    ObjectRef network() {
        return network(net);
    }

    /** A network the user named by id or name; {@code text} blank is a missing NETWORK. */
    static ObjectRef network(String text) {
        return ObjectRef.parse("NETWORK", text);
    }
}
