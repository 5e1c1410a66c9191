package org.vpspanel.account;

/** The three kinds of panel user. Spring Security sees each as the authority ROLE_&lt;name&gt;. */
public enum Role {
    ADMIN, RESELLER, CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }
}
