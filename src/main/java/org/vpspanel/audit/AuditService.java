package org.vpspanel.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log. Every service that changes state records it here, inside its own transaction, so an
 * event exists exactly when the change was committed.
 */
@Service
public class AuditService {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records a change made by the current user (or "system" outside a login) from the current request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, String detail) {
        events.save(new AuditEvent(clock.instant(), currentActor(), action, objectType,
                objectId == null ? null : objectId.toString(), detail == null ? "" : detail, currentAddress()));
    }

    /** Records an event that has no surrounding change, such as a login, in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordStandalone(String actor, String action, String objectType, Object objectId, String detail) {
        events.save(new AuditEvent(clock.instant(), actor, action, objectType,
                objectId == null ? null : objectId.toString(), detail == null ? "" : detail, currentAddress()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AuditRecord> find(AuditFilter filter, Pageable pageable) {
        return events.findAll(matching(filter), pageable).map(AuditEvent::toRecord);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        return events.count(matching(filter));
    }

    private static Specification<AuditEvent> matching(AuditFilter filter) {
        return (root, query, cb) -> {
            var predicate = cb.conjunction();
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = "%" + filter.text().trim().toLowerCase(Locale.ROOT) + "%";
                predicate = cb.and(predicate, cb.or(
                        cb.like(cb.lower(root.get("actor")), like),
                        cb.like(cb.lower(root.get("action")), like),
                        cb.like(cb.lower(cb.coalesce(root.get("objectId"), "")), like),
                        cb.like(cb.lower(root.get("detail")), like)));
            }
            if (filter.objectType() != null && !filter.objectType().isBlank()) {
                predicate = cb.and(predicate, cb.equal(root.get("objectType"), filter.objectType()));
            }
            return predicate;
        };
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }

    private static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
