package org.vpspanel.account;

/** Narrows an account list: text matches user name, email or full name; blank matches all. */
public record AccountFilter(String text) {

    public static AccountFilter none() {
        return new AccountFilter("");
    }
}
