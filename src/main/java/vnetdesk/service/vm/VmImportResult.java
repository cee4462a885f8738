package vnetdesk.service.vm;

import java.util.List;

/**
 * What an import of VMs did.
 *
 * @param ids   the ids of the VMs created, in the file's order (they are the file's ids)
 * @param notes sentences for the administrator about what was not taken as written (an owner that
 *              does not exist here, a lease adopted from an earlier network import …)
 */
public record VmImportResult(List<Integer> ids, List<String> notes) {

    public VmImportResult {
        ids = List.copyOf(ids);
        notes = List.copyOf(notes);
    }
}
