package vnetdesk.template;

/**
 * Who holds an imported lease, as written in a {@code <LEASE>} of
 * {@code onevnet show -x}: a VM NIC ({@code <VM>id</VM>}), a hold
 * ({@code <VM>-1</VM>}) or a reservation ({@code <VNET>id</VNET>}).
 */
public sealed interface ImportedOwner {

    /**
     * A VM NIC.
     *
     * @param vmId     the VM id (0 or more)
     * @param nicIndex the NIC number from {@code NIC_NAME} ({@code NIC3} → 3); without a name of that form,
     *                 the VM's next number not named elsewhere in the document (0, 1, … in document order)
     */
    record Vm(int vmId, int nicIndex) implements ImportedOwner {
    }

    /** A held address ({@code <VM>-1</VM>}). */
    record Hold() implements ImportedOwner {
    }

    /**
     * A reservation: the address belongs to another network.
     *
     * @param networkId the id of the reservation network
     */
    record Vnet(int networkId) implements ImportedOwner {
    }
}
