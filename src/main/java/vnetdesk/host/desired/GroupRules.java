package vnetdesk.host.desired;

import java.util.List;

import vnetdesk.model.RuleTarget;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;

/**
 * The rules of one security group as a NIC applies them, already expanded:
 * a rule naming a network has been replaced by its address blocks
 * ({@link vnetdesk.model.SecurityRuleExpansion}), since the compiler sees no
 * other network.
 */
public record GroupRules(int securityGroupId, List<SecurityRule> rules) {

    public GroupRules {
        if (securityGroupId < 0) {
            throw ValidationException.invalid("SECURITY_GROUP_ID", securityGroupId, "a security group id is 0 or more");
        }
        rules = SecurityRule.withoutDuplicates(rules);
        for (SecurityRule rule : rules) {
            if (rule.target() instanceof RuleTarget.OfNetwork n) {
                throw ValidationException.invalid("NETWORK_ID", n.networkId(), "security group " + securityGroupId
                        + " still names a network; expand its rules before compiling a host");
            }
        }
    }
}
