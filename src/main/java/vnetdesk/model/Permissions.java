package vnetdesk.model;

/**
 * OpenNebula permissions: owner/group/other × USE/MANAGE/ADMIN, nine bits.
 * Octal-like form: one digit per class, USE=4, MANAGE=2, ADMIN=1 (e.g. 640 =
 * owner um-, group u--, other ---).
 */
public record Permissions(int bits) {

    /** Of every new object (network, template, security group): owner um-, group u--, other ---. */
    public static final Permissions DEFAULT = new Permissions(0640);

    public enum Who { OWNER, GROUP, OTHER }

    public enum Right {
        USE(4), MANAGE(2), ADMIN(1);

        private final int bit;

        Right(int bit) {
            this.bit = bit;
        }
    }

    public Permissions {
        if (bits < 0 || bits > 0777) {
            throw new IllegalArgumentException("permission bits out of range");
        }
    }

    /** Parses {@code 640} style text: exactly three digits 0–7. */
    public static Permissions parseOctal(String field, String text) {
        if (text == null || !text.matches("[0-7]{3}")) {
            throw ValidationException.invalid(field, text, "expected three octal digits like 640 (USE=4, MANAGE=2, ADMIN=1)");
        }
        return new Permissions(Integer.parseInt(text, 8));
    }

    public boolean has(Who who, Right right) {
        int shift = switch (who) {
            case OWNER -> 6;
            case GROUP -> 3;
            case OTHER -> 0;
        };
        return ((bits >> shift) & right.bit) != 0;
    }

    /** These permissions with one bit set or cleared. */
    public Permissions with(Who who, Right right, boolean granted) {
        int shift = switch (who) {
            case OWNER -> 6;
            case GROUP -> 3;
            case OTHER -> 0;
        };
        int bit = right.bit << shift;
        return new Permissions(granted ? bits | bit : bits & ~bit);
    }

    public String octal() {
        return String.format("%03o", bits);
    }

    /** {@code um-u-----} form. */
    public String letters() {
        StringBuilder b = new StringBuilder(9);
        for (Who w : Who.values()) {
            b.append(has(w, Right.USE) ? 'u' : '-');
            b.append(has(w, Right.MANAGE) ? 'm' : '-');
            b.append(has(w, Right.ADMIN) ? 'a' : '-');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return octal();
    }
}
