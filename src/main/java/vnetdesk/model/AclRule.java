package vnetdesk.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One OpenNebula ACL rule, {@code USER RESOURCE RIGHTS} (e.g. {@code @1 VNTEMPLATE/* CREATE}):
 * who it is for, which objects it covers and which rights it grants on them.
 * Parses and prints the text form and answers whether it grants a right.
 *
 * @param types  never empty; iterated in enum order
 * @param rights never empty; iterated in enum order
 */
public record AclRule(int id, Subject user, Set<ResourceType> types, Scope scope, Set<AclRight> rights) {

    /** The USER part: whom the rule is for. */
    public sealed interface Subject {

        /** {@code #5}, {@code @1} or {@code *}. */
        String text();

        /** Who, in words: "user 5", "members of group 1", "everyone". */
        String description();

        boolean matches(int uid, int gid);

        /** {@code #uid}: one user. */
        record User(int uid) implements Subject {
            public User {
                requireId(uid);
            }

            public String text() {
                return "#" + uid;
            }

            public String description() {
                return "user " + uid;
            }

            public boolean matches(int uid, int gid) {
                return this.uid == uid;
            }
        }

        /** {@code @gid}: the users whose group is gid. */
        record Group(int gid) implements Subject {
            public Group {
                requireId(gid);
            }

            public String text() {
                return "@" + gid;
            }

            public String description() {
                return "members of group " + gid;
            }

            public boolean matches(int uid, int gid) {
                return this.gid == gid;
            }
        }

        /** {@code *}: every user. */
        record Everyone() implements Subject {
            public String text() {
                return "*";
            }

            public String description() {
                return "everyone";
            }

            public boolean matches(int uid, int gid) {
                return true;
            }
        }
    }

    /** The part of RESOURCE after the {@code /}: which objects of the named types. */
    public sealed interface Scope {

        /** {@code #3}, {@code @1}, {@code %100} or {@code *}. */
        String text();

        /** The objects of these types in this scope, in words: "networks of group 1". */
        String description(Set<ResourceType> types);

        boolean matches(ObjectRef object);

        /** {@code #id}: the one object with this id. */
        record Object(int id) implements Scope {
            public Object {
                requireId(id);
            }

            public String text() {
                return "#" + id;
            }

            public String description(Set<ResourceType> types) {
                return Words.list(types.stream().map(t -> t.noun() + " " + id).toList(), "and");
            }

            public boolean matches(ObjectRef object) {
                return object.id().isPresent() && object.id().getAsInt() == id;
            }
        }

        /** {@code @gid}: the objects that belong to group gid. */
        record InGroup(int gid) implements Scope {
            public InGroup {
                requireId(gid);
            }

            public String text() {
                return "@" + gid;
            }

            public String description(Set<ResourceType> types) {
                return plurals(types) + " of group " + gid;
            }

            public boolean matches(ObjectRef object) {
                return object.gid().isPresent() && object.gid().getAsInt() == gid;
            }
        }

        /** {@code %cid}: the objects in cluster cid. */
        record InCluster(int clusterId) implements Scope {
            public InCluster {
                requireId(clusterId);
            }

            public String text() {
                return "%" + clusterId;
            }

            public String description(Set<ResourceType> types) {
                return plurals(types) + " in cluster " + clusterId;
            }

            public boolean matches(ObjectRef object) {
                return object.clusterIds().contains(clusterId);
            }
        }

        /** {@code *}: every object. */
        record All() implements Scope {
            public String text() {
                return "*";
            }

            public String description(Set<ResourceType> types) {
                return plurals(types) + " (any)";
            }

            public boolean matches(ObjectRef object) {
                return true;
            }
        }
    }

    /**
     * The object a right is asked on. For CREATE the object does not exist yet:
     * no id, the group it would belong to, no clusters.
     *
     * @param gid empty for objects without a group (groups, clusters)
     */
    public record ObjectRef(OptionalInt id, OptionalInt gid, Set<Integer> clusterIds) {

        public ObjectRef {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(gid, "gid");
            clusterIds = Set.copyOf(clusterIds);
        }

        /** An existing object with an id, a group and the clusters it is in. */
        public static ObjectRef existing(int id, int gid, Set<Integer> clusterIds) {
            return new ObjectRef(OptionalInt.of(id), OptionalInt.of(gid), clusterIds);
        }

        /** An object about to be created in group gid (what CREATE is asked on). */
        public static ObjectRef newInGroup(int gid) {
            return new ObjectRef(OptionalInt.empty(), OptionalInt.of(gid), Set.of());
        }
    }

    public AclRule {
        if (id < 0) {
            throw new IllegalArgumentException("ACL rule id must not be negative: " + id);
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(scope, "scope");
        if (types.isEmpty()) {
            throw new ValidationException("RESOURCE", "RESOURCE: at least one resource type is required");
        }
        if (rights.isEmpty()) {
            throw new ValidationException("RIGHTS", "RIGHTS: at least one right is required");
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        rights = Collections.unmodifiableSet(EnumSet.copyOf(rights));
        refuseCreateOnOneObject(join(rights, AclRight::name), rights, scope);
    }

    /**
     * Parses {@code USER RESOURCE RIGHTS [ZONE]}, ignoring case. The zone part is
     * accepted for OpenNebula compatibility; there is one zone, so it must be
     * {@code #0} or {@code *}.
     */
    public static AclRule parse(int id, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.missing("ACL");
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 3 || parts.length > 4) {
            throw ValidationException.invalid("ACL", text, "expected USER RESOURCE RIGHTS separated by spaces, "
                    + "e.g. @1 VNTEMPLATE/* CREATE; found " + parts.length + " part" + (parts.length == 1 ? "" : "s"));
        }
        Subject user = parseSubject(parts[0]);
        int slash = parts[1].indexOf('/');
        if (slash < 0) {
            throw ValidationException.invalid("RESOURCE", parts[1],
                    "expected TYPE[+TYPE…]/SCOPE, e.g. NET/* or NET+SECGROUP/@1; the / is missing");
        }
        Set<ResourceType> types = parseTypes(parts[1], parts[1].substring(0, slash));
        Scope scope = parseScope(parts[1], parts[1].substring(slash + 1));
        Set<AclRight> rights = parseRights(parts[2]);
        if (parts.length == 4) {
            checkZone(parts[3]);
        }
        refuseCreateOnOneObject(parts[2], rights, scope);
        return new AclRule(id, user, types, scope, rights);
    }

    /** Canonical text: types and rights in enum order, upper case; {@code parse} reads it back. */
    public String text() {
        return user.text() + " " + join(types, ResourceType::name) + "/" + scope.text() + " " + join(rights, AclRight::name);
    }

    /** Whether this rule lets user uid (whose group is gid) exercise the right on an object of the type. */
    public boolean grants(int uid, int gid, ResourceType type, AclRight right, ObjectRef object) {
        return user.matches(uid, gid) && types.contains(type) && rights.contains(right) && scope.matches(object);
    }

    /** A sentence for the UI, e.g. "members of group 1 may CREATE network templates (any)". */
    public String explain() {
        return user.description() + " may " + Words.list(rights.stream().map(AclRight::name).toList(), "and")
                + " " + scope.description(types);
    }

    private static Subject parseSubject(String part) {
        if (part.equals("*")) {
            return new Subject.Everyone();
        }
        return switch (part.charAt(0)) {
            case '#' -> new Subject.User(parseId("USER", part));
            case '@' -> new Subject.Group(parseId("USER", part));
            default -> throw ValidationException.invalid("USER", part, "expected #uid, @gid or *");
        };
    }

    private static Set<ResourceType> parseTypes(String part, String typeList) {
        if (typeList.isEmpty()) {
            throw ValidationException.invalid("RESOURCE", part, "no resource type before the /; "
                    + ResourceType.expected());
        }
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        for (String name : typeList.split("\\+", -1)) {
            if (name.isEmpty()) {
                throw ValidationException.invalid("RESOURCE", part, "empty resource type between + signs");
            }
            types.add(ResourceType.find(name).orElseThrow(() -> ValidationException.invalid("RESOURCE", part,
                    "unknown resource type " + name + "; " + ResourceType.expected())));
        }
        return types;
    }

    private static Scope parseScope(String part, String scope) {
        if (scope.equals("*")) {
            return new Scope.All();
        }
        if (scope.isEmpty()) {
            throw ValidationException.invalid("RESOURCE", part, "no scope after the /; expected #id, @gid, %cid or *");
        }
        String id = scope.substring(1);
        return switch (scope.charAt(0)) {
            case '#' -> new Scope.Object(parseId("RESOURCE", part, scope.charAt(0), id));
            case '@' -> new Scope.InGroup(parseId("RESOURCE", part, scope.charAt(0), id));
            case '%' -> new Scope.InCluster(parseId("RESOURCE", part, scope.charAt(0), id));
            default -> throw ValidationException.invalid("RESOURCE", part,
                    "unknown scope " + scope + "; expected #id, @gid, %cid or * after the /");
        };
    }

    private static Set<AclRight> parseRights(String part) {
        Set<AclRight> rights = EnumSet.noneOf(AclRight.class);
        for (String name : part.split("\\+", -1)) {
            if (name.isEmpty()) {
                throw ValidationException.invalid("RIGHTS", part, "empty right between + signs");
            }
            rights.add(AclRight.find(name).orElseThrow(() -> ValidationException.invalid("RIGHTS", part,
                    "unknown right " + name + "; " + AclRight.expected())));
        }
        return rights;
    }

    private static void checkZone(String part) {
        if (!part.equals("*") && !(part.startsWith("#") && parseId("ZONE", part) == 0)) {
            throw ValidationException.invalid("ZONE", part, "there is one zone; expected #0 or * (or leave it out)");
        }
    }

    private static int parseId(String field, String part) {
        return parseId(field, part, part.charAt(0), part.substring(1));
    }

    /** A non-negative int after the marker; leading zeros are allowed, as in OpenNebula. */
    private static int parseId(String field, String part, char marker, String digits) {
        if (!digits.matches("[0-9]+")) {
            throw ValidationException.invalid(field, part, "expected a non-negative integer id after " + marker);
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > Integer.MAX_VALUE) {
            throw ValidationException.invalid(field, part, "id is larger than " + Integer.MAX_VALUE);
        }
        return Integer.parseInt(significant);
    }

    private static void refuseCreateOnOneObject(String rightsText, Set<AclRight> rights, Scope scope) {
        if (rights.contains(AclRight.CREATE) && scope instanceof Scope.Object o) {
            throw ValidationException.invalid("RIGHTS", rightsText, "CREATE cannot be granted on one object (#"
                    + o.id() + "): an object that does not exist yet has no id; use @gid, %cid or * instead");
        }
    }

    private static void requireId(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("id must not be negative: " + id);
        }
    }

    private static String plurals(Set<ResourceType> types) {
        return Words.list(types.stream().map(ResourceType::plural).toList(), "and");
    }

    private static <E> String join(Set<E> items, Function<E, String> name) {
        return items.stream().map(name).collect(Collectors.joining("+"));
    }
}
