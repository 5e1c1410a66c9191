package org.vpspanel.template;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;

/** The OS templates partitions are made from. Admins keep the list; everyone signed in may read it. */
@Service
@Transactional
public class TemplateService {

    /** The root filesystem builders the host agent has. */
    public static final List<String> KINDS = List.of("busybox", "debian-12");

    private final OsTemplateRepository templates;
    private final AuditService audit;
    private final Clock clock;

    TemplateService(OsTemplateRepository templates, AuditService audit, Clock clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public TemplateSummary create(String name, String kind) {
        Validation validation = new Validation();
        validation.check(name != null && name.matches("[a-z0-9][a-z0-9._-]{0,62}"), "name",
                "Template name must be 1-63 lower-case letters, digits, '.', '_' or '-'");
        validation.check(KINDS.contains(kind), "kind", "Kind must be one of " + String.join(", ", KINDS));
        validation.check(validation.hasErrorFor("name") || !templates.existsByNameIgnoreCase(name), "name",
                "A template named '" + name + "' exists already");
        validation.throwIfInvalid();
        OsTemplate template = templates.save(new OsTemplate(name, kind, clock.instant()));
        audit.record("template.create", "template", template.getId(), name + " (" + kind + ")");
        return template.toSummary();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void delete(long templateId) {
        OsTemplate template = templates.findById(templateId)
                .orElseThrow(() -> new NotFoundException("Template", templateId));
        try {
            templates.delete(template);
            templates.flush();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("template", "Template '" + template.getName()
                    + "' is in use by partitions or offered by plans");
        }
        audit.record("template.delete", "template", templateId, template.getName());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TemplateSummary> all() {
        return templates.findAllByOrderByName().stream().map(OsTemplate::toSummary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TemplateSummary get(long templateId) {
        return templates.findById(templateId).map(OsTemplate::toSummary)
                .orElseThrow(() -> new NotFoundException("Template", templateId));
    }

    /** A template for the partition feature's jobs, which run without a signed-in user. */
    @Transactional(readOnly = true)
    public TemplateSummary forJob(long templateId) {
        return templates.findById(templateId).map(OsTemplate::toSummary)
                .orElseThrow(() -> new NotFoundException("Template", templateId));
    }

    /** The templates with these ids, by id, for listing things that refer to templates. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, TemplateSummary> byIds(Collection<Long> templateIds) {
        return templates.findAllById(templateIds).stream()
                .collect(Collectors.toMap(OsTemplate::getId, OsTemplate::toSummary));
    }
}
