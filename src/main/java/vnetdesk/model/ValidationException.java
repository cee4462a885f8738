package vnetdesk.model;

/** A value given by the user breaks a rule; names the field and the value. */
public class ValidationException extends VnetException {

    public ValidationException(String field, String message) {
        super(field, message);
    }

    /** Standard form: {@code FIELD: invalid value "v": reason}. */
    public static ValidationException invalid(String field, Object value, String reason) {
        return new ValidationException(field, field + ": invalid value \"" + printable(value) + "\": " + reason);
    }

    public static ValidationException missing(String field) {
        return new ValidationException(field, field + ": required attribute is missing");
    }

    /** Makes control characters visible and keeps very long values readable. */
    public static String printable(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (shown == 80) {
                b.append("…(").append(s.length()).append(" chars)");
                break;
            }
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '"') {
                b.append("\\\"");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
            shown++;
        }
        return b.toString();
    }
}
