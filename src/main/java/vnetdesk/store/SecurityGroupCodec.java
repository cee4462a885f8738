package vnetdesk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vnetdesk.model.SecurityGroup;
import vnetdesk.model.SecurityRule;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VnetException;

/**
 * Stored form of a security group: its description and its rules as
 * attribute maps. Decoding validates each rule again, so a damaged record
 * fails loudly instead of filtering less than it should.
 */
public final class SecurityGroupCodec {

    private SecurityGroupCodec() {
    }

    public static String encode(String description, List<SecurityRule> rules) {
        List<Map<String, String>> maps = new ArrayList<>();
        rules.forEach(r -> maps.add(r.toAttributes()));
        return Json.writeGroup(new Json.GroupBody(description, maps));
    }

    public static SecurityGroup decode(OwnedObjectRepository.Row row) {
        Json.GroupBody body = Json.readGroup(row.body());
        List<SecurityRule> rules = new ArrayList<>();
        for (Map<String, String> rule : body.rules()) {
            try {
                rules.add(SecurityRule.parse(rule));
            } catch (ValidationException e) {
                throw new VnetException("security group " + row.id() + " holds a damaged rule: " + e.getMessage(), e);
            }
        }
        return new SecurityGroup(row.id(), row.name(), body.description(), row.ownership(), rules, row.version());
    }
}
