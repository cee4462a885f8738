package vnetdesk.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of the user's ssh-agent over its Unix socket. MINA's own Unix
 * agent client needs Tomcat's native APR library; Java 16+ speaks Unix
 * sockets itself, so this sends MINA's agent requests (protocol handled by
 * {@link AbstractAgentProxy}) over a {@link SocketChannel}.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    /** An agent reply larger than this is refused rather than allocated (OpenSSH's own limit is 256 KiB). */
    private static final int MAX_REPLY = 256 * 1024;

    private final SocketChannel channel;

    private UnixSocketAgent(Path socket) throws IOException {
        super(null);
        this.channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        Buffer framed = prepare(buffer);
        ByteBuffer out = ByteBuffer.wrap(framed.array(), framed.rpos(), framed.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(ByteBuffer.allocate(4));
        int size = length.getInt(0);
        if (size < 0 || size > MAX_REPLY) {
            throw new IOException("ssh-agent: reply of " + size + " bytes refused");
        }
        return new ByteArrayBuffer(readFully(ByteBuffer.allocate(size)).array());
    }

    private ByteBuffer readFully(ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
        return into;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            channel.close();
        }
    }

    /**
     * Gives MINA's public-key authentication the agent of a connection whose
     * identity is {@link Identity.Agent}, and no agent to any other, so one
     * host's agent keys are never offered to a host configured with a key file.
     */
    static final class Factory implements SshAgentFactory {

        static final AttributeKey<Path> SOCKET = new AttributeKey<>();

        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            Path socket = session instanceof ClientSession client
                    ? client.getConnectionContext().getAttribute(SOCKET)
                    : null;
            return socket == null ? new NoAgent() : new UnixSocketAgent(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) throws IOException {
            throw new IOException("agent forwarding is not offered by the console");
        }
    }
}
