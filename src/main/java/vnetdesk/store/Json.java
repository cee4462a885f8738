package vnetdesk.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vnetdesk.model.AttributeVector;
import vnetdesk.model.VnetException;

/** JSON text of the ordered attribute maps kept in BODY columns. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Map<String, String> attributes) {
        try {
            return MAPPER.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new VnetException("cannot encode attributes: " + e.getOriginalMessage(), e);
        }
    }

    /** A security group body: its description and one attribute map per rule. */
    record GroupBody(String description, List<Map<String, String>> rules) {
    }

    static String writeGroup(GroupBody body) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("DESCRIPTION", body.description());
        tree.put("RULES", body.rules());
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new VnetException("cannot encode a security group: " + e.getOriginalMessage(), e);
        }
    }

    static GroupBody readGroup(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            List<Map<String, String>> rules = new ArrayList<>();
            for (JsonNode rule : tree.path("RULES")) {
                rules.add(MAPPER.convertValue(rule, MAP));
            }
            return new GroupBody(tree.path("DESCRIPTION").asText(""), rules);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new VnetException("the inventory holds an unreadable security group: " + e.getMessage(), e);
        }
    }

    /**
     * Where a network body keeps its template vectors: not an attribute name (those start with a
     * letter or an underscore), so it never meets one, and absent when there are none, so the bodies
     * of networks without vectors are as before.
     */
    private static final String VECTORS = "@VECTORS";

    /** A network body: its attributes and its kept template vectors. */
    record NetworkBody(Map<String, String> attributes, List<AttributeVector> vectors) {
    }

    static String writeNetwork(NetworkBody body) {
        if (body.vectors().isEmpty()) {
            return write(body.attributes());
        }
        Map<String, Object> tree = new LinkedHashMap<>(body.attributes());
        List<Map<String, Object>> vectors = new ArrayList<>();
        for (AttributeVector v : body.vectors()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("NAME", v.name());
            one.put("ENTRIES", v.entries());
            vectors.add(one);
        }
        tree.put(VECTORS, vectors);
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new VnetException("cannot encode a network: " + e.getOriginalMessage(), e);
        }
    }

    static NetworkBody readNetwork(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            Map<String, String> attributes = new LinkedHashMap<>();
            List<AttributeVector> vectors = new ArrayList<>();
            var fields = tree.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getKey().equals(VECTORS)) {
                    for (JsonNode v : field.getValue()) {
                        vectors.add(new AttributeVector(v.path("NAME").asText(),
                                MAPPER.convertValue(v.path("ENTRIES"), MAP)));
                    }
                } else {
                    attributes.put(field.getKey(), field.getValue().asText());
                }
            }
            return new NetworkBody(attributes, vectors);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new VnetException("the inventory holds an unreadable network: " + e.getMessage(), e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new VnetException("the inventory holds an unreadable record: " + e.getOriginalMessage(), e);
        }
    }
}
