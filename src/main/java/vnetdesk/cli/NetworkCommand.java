package vnetdesk.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Parameters;

/** A command on one network: the context and the NET argument (picocli reads inherited fields). */
abstract class NetworkCommand implements Callable<Integer> {

    final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NET", description = "network id or name")
    String net;

    NetworkCommand(CliContext ctx) {
        this.ctx = ctx;
    }
}
