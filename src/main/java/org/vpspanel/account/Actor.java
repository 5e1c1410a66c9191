package org.vpspanel.account;

/**
 * The signed-in user on whose behalf a service acts. {@code resellerId} is the customer's reseller, or
 * null for the host's own customers and for admins and resellers.
 */
public record Actor(long id, String username, Role role, Long resellerId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isReseller() {
        return role == Role.RESELLER;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }
}
