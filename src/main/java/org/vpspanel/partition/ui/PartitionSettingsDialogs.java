package org.vpspanel.partition.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vpspanel.account.SshKeyInfo;
import org.vpspanel.partition.JobSummary;
import org.vpspanel.partition.PartitionService;
import org.vpspanel.partition.PartitionSummary;
import org.vpspanel.ui.FormDialog;

/**
 * The settings inside a partition that its customer chooses: root's SSH keys, the hostname and root's
 * password. Each queues a job and hands it to {@code submitted}; a refusal keeps the dialog open.
 */
final class PartitionSettingsDialogs {

    private PartitionSettingsDialogs() {
    }

    /** One checkbox per key of the partition's customer, id "ssh-key-{key id}". */
    static void sshKeys(PartitionSummary partition, PartitionService partitions, Consumer<JobSummary> submitted) {
        List<SshKeyInfo> keys = partitions.customerSshKeys(partition.id());
        Map<Checkbox, Long> choices = new LinkedHashMap<>();
        for (SshKeyInfo key : keys) {
            Checkbox choice = new Checkbox(key.name() + " (" + key.fingerprint() + ")");
            choice.setId("ssh-key-" + key.id());
            choices.put(choice, key.id());
        }
        FormDialog dialog = new FormDialog("SSH keys for root on " + partition.hostname(), "ssh-keys", Map::of, () -> {
            submitted.accept(partitions.installSshKeys(partition.id(), choices.entrySet().stream()
                    .filter(choice -> choice.getKey().getValue()).map(Map.Entry::getValue).toList()));
            return true;
        });
        dialog.add(new Paragraph(keys.isEmpty()
                ? "The customer has no SSH keys yet (they are added under Account). Saving removes every key from root."
                : "The chosen keys replace root's authorized keys; none chosen removes them all."));
        choices.keySet().forEach(dialog.form()::add);
        dialog.open();
    }

    /** The hostname field shows a refused name's reason inline. */
    static void hostname(PartitionSummary partition, PartitionService partitions, Consumer<JobSummary> submitted) {
        TextField hostname = new TextField("Hostname");
        hostname.setId("hostname-value");
        hostname.setValue(partition.hostname());
        FormDialog dialog = new FormDialog("Change hostname", "hostname", () -> Map.of("hostname", hostname), () -> {
            submitted.accept(partitions.changeHostname(partition.id(), hostname.getValue().trim()));
            return true;
        });
        dialog.form().add(hostname);
        dialog.open();
    }

    /** The password is typed twice; the panel keeps only its hash. */
    static void rootPassword(PartitionSummary partition, PartitionService partitions, Consumer<JobSummary> submitted) {
        PasswordField password = new PasswordField("New root password");
        password.setId("root-password-value");
        PasswordField confirmation = new PasswordField("Repeat it");
        confirmation.setId("root-password-confirmation");
        FormDialog dialog = new FormDialog("Root password of " + partition.hostname(), "root-password",
                () -> Map.of("password", password), () -> {
                    boolean same = password.getValue().equals(confirmation.getValue());
                    confirmation.setErrorMessage(same ? null : "The two passwords differ");
                    confirmation.setInvalid(!same);
                    if (same) {
                        submitted.accept(partitions.setRootPassword(partition.id(), password.getValue()));
                    }
                    return same;
                });
        dialog.form().add(password, confirmation);
        dialog.open();
    }
}
