package vnetdesk.template;

import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.stream.XMLStreamException;
import vnetdesk.model.LockLevel;

/**
 * The identity elements of an OpenNebula object document — {@code ID}, {@code UID}, {@code GID},
 * {@code UNAME}, {@code GNAME}, {@code NAME}, {@code PERMISSIONS}, {@code LOCK} — collected as a
 * reader meets them among the object's children.
 */
final class OneXmlIdentity {

    private final OneXmlStream s;
    private OptionalInt id = OptionalInt.empty();
    private OptionalInt uid = OptionalInt.empty();
    private OptionalInt gid = OptionalInt.empty();
    private Optional<String> userName = Optional.empty();
    private Optional<String> groupName = Optional.empty();
    private String name = "";
    private Optional<String> permissions = Optional.empty();
    private Optional<LockLevel> lock = Optional.empty();

    OneXmlIdentity(OneXmlStream s) {
        this.s = s;
    }

    /** Reads the current element when it is an identity element: true then, false (nothing read) otherwise. */
    boolean take(String element) throws XMLStreamException {
        int[] at = s.here();
        switch (element) {
            case "ID" -> id = OptionalInt.of(s.integer(element, at, 0));
            case "UID" -> uid = OptionalInt.of(s.integer(element, at, 0));
            case "GID" -> gid = OptionalInt.of(s.integer(element, at, 0));
            case "UNAME" -> userName = s.value();
            case "GNAME" -> groupName = s.value();
            case "NAME" -> {
                String v = s.text();
                name = v == null ? "" : v;
            }
            case "PERMISSIONS" -> permissions = Optional.of(s.permissionsOctal());
            case "LOCK" -> lock = s.lockLevel();
            default -> {
                return false;
            }
        }
        return true;
    }

    OptionalInt id() {
        return id;
    }

    String name() {
        return name;
    }

    /** UID, GID, UNAME and GNAME when all four are given. */
    Optional<ImportedNetwork.Owner> owner() {
        return uid.isPresent() && gid.isPresent() && userName.isPresent() && groupName.isPresent()
                ? Optional.of(new ImportedNetwork.Owner(uid.getAsInt(), gid.getAsInt(), userName.get(),
                groupName.get())) : Optional.empty();
    }

    Optional<String> permissionsOctal() {
        return permissions;
    }

    Optional<LockLevel> lock() {
        return lock;
    }
}
