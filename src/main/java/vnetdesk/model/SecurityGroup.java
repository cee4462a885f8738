package vnetdesk.model;

import java.util.List;

/**
 * A security group: a named set of allow rules. Rule order carries no meaning
 * (everything is allow), so equal rules are kept once.
 *
 * @param version optimistic-locking version as read; the store bumps it on every change
 */
public record SecurityGroup(int id, String name, String description, Ownership ownership, List<SecurityRule> rules,
                            long version) {

    /** The group every new network gets: allows all traffic both ways. */
    public static final int DEFAULT_ID = 0;

    public SecurityGroup {
        rules = SecurityRule.withoutDuplicates(rules);
    }

    /** "id:name" as shown next to every object. */
    public String label() {
        return id + ":" + name;
    }
}
