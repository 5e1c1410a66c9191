/**
 * The REST API (/api/v1) for billing systems and scripts: bearer-token authentication, JSON controllers over
 * the features' services (which authorize exactly as for the UI), RFC 9457 problem details for every error,
 * and the OpenAPI document.
 */
package org.vpspanel.api;
