package vnetdesk.model;

import java.util.List;

/** Joins words into an English list for messages: "a", "a or b", "a, b or c". */
final class Words {

    private Words() {
    }

    static String list(List<String> words, String conjunction) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " "
                + words.get(words.size() - 1);
    }
}
