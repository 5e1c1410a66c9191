package org.vpspanel.account;

/** A token just made: {@code token} is the secret, which the panel cannot show again. */
public record NewApiToken(ApiTokenInfo info, String token) {
}
