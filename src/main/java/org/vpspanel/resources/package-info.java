/**
 * The per-partition resource catalogue (../shared/RESOURCES.md): field metadata, units and validated
 * resource sets. Pure Java, shared by the panel (plans, partitions) and the host agent (partition specs).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.vpspanel.resources;
