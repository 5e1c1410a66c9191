package org.vpspanel.architecture.sample.agent;

import jakarta.persistence.EntityManager;
import org.vpspanel.account.Role;
import org.vpspanel.resources.Units;

/** An agent class that breaks the agent's isolation, for the self-check of the architecture rule. */
class LeakyAgent {

    EntityManager database;

    String describe(Role role) {
        return role.name() + " " + Units.formatSize(1024);
    }
}
