package org.vpspanel.account;

import java.util.regex.Pattern;
import org.vpspanel.common.Validation;

/** The rules for what users type into account fields. */
public final class AccountRules {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    static void checkNewAccount(NewAccount account, Validation validation) {
        validation.check(account.username() != null && USERNAME.matcher(account.username()).matches(), "username",
                "User name must be 3-32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");
        checkProfile(account.email(), account.fullName(), validation);
        checkPassword(account.password(), "password", validation);
    }

    /** Checks the email as it will be stored: without surrounding spaces. */
    static void checkProfile(String email, String fullName, Validation validation) {
        String trimmed = email == null ? null : email.trim();
        validation.check(trimmed != null && trimmed.length() <= 254 && EMAIL.matcher(trimmed).matches(), "email",
                "Enter a valid email address");
        validation.check(fullName == null || fullName.length() <= 200, "fullName",
                "Full name must be at most 200 characters");
    }

    public static void checkPassword(String password, String field, Validation validation) {
        validation.check(password != null && password.length() >= MIN_PASSWORD_LENGTH && password.length() <= 200,
                field, "Password must be " + MIN_PASSWORD_LENGTH + " to 200 characters long");
    }
}
