package org.vpspanel.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;

/** Package predicates for the architecture rules. */
final class Packages {

    private Packages() {
    }

    /** Panel classes (org.vpspanel..) outside the given packages and their subpackages. */
    static DescribedPredicate<JavaClass> panelOutside(String... allowed) {
        return DescribedPredicate.describe("are panel classes outside " + String.join(", ", allowed),
                javaClass -> javaClass.getPackageName().startsWith("org.vpspanel")
                        && Arrays.stream(allowed).noneMatch(p -> javaClass.getPackageName().equals(p)
                        || javaClass.getPackageName().startsWith(p + ".")));
    }
}
