package org.vpspanel.account;

/** What it takes to open an account. */
public record NewAccount(String username, String email, String fullName, String password) {
}
