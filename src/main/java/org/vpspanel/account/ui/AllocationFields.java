package org.vpspanel.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vpspanel.account.Allocation;
import org.vpspanel.resources.Units;
import org.vpspanel.ui.Inputs;

/** What a reseller may sell: partitions, vCPUs, memory, disk and IPv4 addresses. */
class AllocationFields {

    private final IntegerField partitions = new IntegerField("Partitions");
    private final IntegerField cpus = new IntegerField("vCPUs");
    private final TextField memory = new TextField("Memory");
    private final TextField disk = new TextField("Disk");
    private final IntegerField ipv4 = new IntegerField("IPv4 addresses");

    AllocationFields(Allocation initial) {
        partitions.setId("alloc-partitions");
        cpus.setId("alloc-cpus");
        memory.setId("alloc-memory");
        memory.setHelperText("e.g. 64G");
        disk.setId("alloc-disk");
        disk.setHelperText("e.g. 2T");
        ipv4.setId("alloc-ipv4");
        partitions.setValue(initial.partitions());
        cpus.setValue(initial.cpus());
        memory.setValue(Units.formatSize(initial.memory()));
        disk.setValue(Units.formatSize(initial.disk()));
        ipv4.setValue(initial.ipv4Addresses());
    }

    void addTo(FormLayout form) {
        form.add(partitions, cpus, memory, disk, ipv4);
    }

    /** The allocation as typed, or empty after marking each unreadable field. */
    Optional<Allocation> value() {
        Long memoryBytes = Inputs.read(memory, Units::parseSize);
        Long diskBytes = Inputs.read(disk, Units::parseSize);
        boolean counts = required(partitions) & required(cpus) & required(ipv4);
        if (memoryBytes == null || diskBytes == null || !counts) {
            return Optional.empty();
        }
        return Optional.of(new Allocation(partitions.getValue(), cpus.getValue(), memoryBytes, diskBytes,
                ipv4.getValue()));
    }

    Map<String, HasValidation> byName() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("partitions", partitions);
        fields.put("cpus", cpus);
        fields.put("memory", memory);
        fields.put("disk", disk);
        fields.put("ipv4Addresses", ipv4);
        return fields;
    }

    private static boolean required(IntegerField field) {
        boolean ok = field.getValue() != null;
        field.setInvalid(!ok);
        field.setErrorMessage(ok ? null : "Enter a whole number");
        return ok;
    }
}
