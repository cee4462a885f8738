package vnetdesk.ssh;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.common.session.SessionContext;

/** The agent of a connection that does not use one: it holds no keys and signs nothing. */
final class NoAgent implements SshAgent {

    @Override
    public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() {
        return List.of();
    }

    @Override
    public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algo, byte[] data)
            throws IOException {
        throw new IOException("no ssh-agent is used for this host");
    }

    @Override
    public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints) throws IOException {
        throw new IOException("no ssh-agent is used for this host");
    }

    @Override
    public void removeIdentity(PublicKey key) throws IOException {
        throw new IOException("no ssh-agent is used for this host");
    }

    @Override
    public void removeAllIdentities() throws IOException {
        throw new IOException("no ssh-agent is used for this host");
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // nothing is held
    }
}
