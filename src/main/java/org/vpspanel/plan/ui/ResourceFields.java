package org.vpspanel.plan.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.ui.Inputs;

/**
 * One text field per catalogue resource, written in the resource's unit ("512M", "10Mbit"), grouped as a
 * hosting customer thinks of them. Field ids are "plan-" plus the field name.
 */
class ResourceFields {

    private static final Map<String, List<ResourceField>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("CPU", List.of(ResourceField.CPUS, ResourceField.CPU_LIMIT, ResourceField.CPU_WEIGHT));
        GROUPS.put("Memory", List.of(ResourceField.MEMORY, ResourceField.SWAP, ResourceField.MEMORY_GUARANTEE,
                ResourceField.LOCKED_MEMORY, ResourceField.SHARED_MEMORY, ResourceField.HUGEPAGES));
        GROUPS.put("Disk", List.of(ResourceField.DISK, ResourceField.DISK_INODES, ResourceField.IO_READ_BPS,
                ResourceField.IO_WRITE_BPS, ResourceField.IO_READ_IOPS, ResourceField.IO_WRITE_IOPS,
                ResourceField.IO_WEIGHT));
        GROUPS.put("Network", List.of(ResourceField.NET_EGRESS, ResourceField.NET_INGRESS,
                ResourceField.MONTHLY_TRAFFIC, ResourceField.IPV4_ADDRESSES, ResourceField.TCP_CONNECTIONS,
                ResourceField.SOCKET_BUFFERS));
        GROUPS.put("Processes and kernel", List.of(ResourceField.PROCESSES, ResourceField.OPEN_FILES,
                ResourceField.PTYS, ResourceField.PENDING_SIGNALS, ResourceField.MESSAGE_QUEUES));
    }

    private final EnumMap<ResourceField, TextField> fields = new EnumMap<>(ResourceField.class);

    ResourceFields(Resources initial) {
        for (ResourceField field : ResourceField.values()) {
            TextField input = new TextField(field.label());
            input.setId("plan-" + field.fieldName());
            input.setValue(field.format(initial.get(field)));
            input.setHelperText(field.format(field.min()) + " to " + field.format(field.max())
                    + (field.zeroMeansUnlimited() ? ", 0 = unlimited" : ""));
            fields.put(field, input);
        }
    }

    void addTo(FormLayout form) {
        GROUPS.forEach((title, group) -> {
            H4 heading = new H4(title);
            form.add(heading);
            form.setColspan(heading, 2);
            group.forEach(field -> form.add(fields.get(field)));
        });
    }

    /** The resources as typed, or empty after marking each field whose text is unreadable. */
    Optional<Resources> value() {
        Resources resources = Resources.defaults();
        boolean readable = true;
        for (var entry : fields.entrySet()) {
            Long value = Inputs.read(entry.getValue(), entry.getKey()::parse);
            if (value == null) {
                readable = false;
            } else {
                resources = resources.with(entry.getKey(), value);
            }
        }
        return readable ? Optional.of(resources) : Optional.empty();
    }

    Map<String, HasValidation> byName() {
        Map<String, HasValidation> byName = new HashMap<>();
        fields.forEach((field, input) -> byName.put(field.fieldName(), input));
        return byName;
    }
}
