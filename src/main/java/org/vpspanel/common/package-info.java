/** Small pure-Java types every feature shares: the errors a service reports to its callers. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.vpspanel.common;
