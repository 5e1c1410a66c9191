package org.vpspanel.api;

/** The plan a partition moves to, by id or by name. */
record PlanChangeRequest(Reference plan) {
}
