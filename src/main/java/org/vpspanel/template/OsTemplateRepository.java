package org.vpspanel.template;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OsTemplateRepository extends JpaRepository<OsTemplate, Long> {

    boolean existsByNameIgnoreCase(String name);

    List<OsTemplate> findAllByOrderByName();
}
