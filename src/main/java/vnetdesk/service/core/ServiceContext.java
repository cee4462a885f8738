package vnetdesk.service.core;

import vnetdesk.store.AclRepository;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.LeaseRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.UserRepository;
import vnetdesk.store.VmRepository;

/** The collaborators every service of one inventory shares (wired once by {@link Inventory}). */
public record ServiceContext(Tx tx, NetworkRepository networks, LeaseRepository leases, UserRepository users,
                      AllocatorCache cache, ArCatalog catalog, OwnerNames ownerNames, NetworkRefs refs,
                      Access access, AclRepository acls, ClusterRepository clusters, HostRepository hosts,
                      VmRepository vms) {
}
