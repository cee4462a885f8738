package vnetdesk.template;

import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link Template} into template text that {@link TemplateParser} reads back
 * as the same template.
 *
 * <p>Layout: one attribute per line, every value double-quoted with {@code "} and
 * {@code \} escaped by a backslash and everything else (line breaks, {@code #},
 * unicode) written as it is; a vector puts each entry on its own line, indented by
 * two spaces, the {@code ]} after the last entry; an empty vector is
 * {@code NAME = [ ]}. Lines end with LF, including the last one.
 */
public final class TemplateWriter {

    private TemplateWriter() {
    }

    /**
     * Writes {@code template}; an empty template gives the empty string.
     * Round trip: {@code TemplateParser.parse(write(t), s).equals(t)} for every
     * template whose text stays within {@link TemplateParser#MAX_INPUT_BYTES}.
     */
    public static String write(Template template) {
        Objects.requireNonNull(template, "template");
        StringBuilder out = new StringBuilder();
        for (TemplateAttribute attribute : template.attributes()) {
            if (attribute instanceof TemplateAttribute.Single single) {
                out.append(single.name()).append(" = ");
                quote(out, single.value());
            } else if (attribute instanceof TemplateAttribute.Vector vector) {
                writeVector(out, vector);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void writeVector(StringBuilder out, TemplateAttribute.Vector vector) {
        out.append(vector.name()).append(" = [");
        List<TemplateAttribute.Single> entries = vector.entries();
        if (entries.isEmpty()) {
            out.append(" ]");
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "\n  " : ",\n  ");
            out.append(entries.get(i).name()).append(" = ");
            quote(out, entries.get(i).value());
        }
        out.append(" ]");
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
