package fr.ccamhub.ledger.entry;

import java.util.Arrays;

/** What happened to the resource a ledger entry records. */
public enum LedgerAction {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String code;

    LedgerAction(String code) {
        this.code = code;
    }

    /** The code written in the entry's canonical JSON. */
    public String code() {
        return code;
    }

    /** The action written as {@code code}. */
    public static LedgerAction fromCode(String code) {
        return Arrays.stream(values())
                .filter(action -> action.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ledger action '" + code + "'"));
    }
}
