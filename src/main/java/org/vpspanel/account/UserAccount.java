package org.vpspanel.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "reseller_id")
    private Long resellerId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "alloc_partitions")
    private Integer allocPartitions;
    @Column(name = "alloc_cpus")
    private Integer allocCpus;
    @Column(name = "alloc_memory")
    private Long allocMemory;
    @Column(name = "alloc_disk")
    private Long allocDisk;
    @Column(name = "alloc_ipv4")
    private Integer allocIpv4;

    /** Customers only: the day of the month their billing month starts, see {@link BillingPeriod}. */
    @Column(name = "billing_day")
    private Integer billingDay;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String email, String fullName, String passwordHash, Role role, Long resellerId,
                Instant createdAt) {
        this.username = username;
        this.email = email;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.resellerId = resellerId;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    Long getResellerId() {
        return resellerId;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setProfile(String email, String fullName) {
        this.email = email;
        this.fullName = fullName;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    Integer getBillingDay() {
        return billingDay;
    }

    void setBillingDay(int billingDay) {
        this.billingDay = billingDay;
    }

    Allocation getAllocation() {
        return allocPartitions == null ? null
                : new Allocation(allocPartitions, allocCpus, allocMemory, allocDisk, allocIpv4);
    }

    void setAllocation(Allocation allocation) {
        allocPartitions = allocation.partitions();
        allocCpus = allocation.cpus();
        allocMemory = allocation.memory();
        allocDisk = allocation.disk();
        allocIpv4 = allocation.ipv4Addresses();
    }

    AccountSummary toSummary(String resellerName) {
        return new AccountSummary(id, username, email, fullName, role, resellerId, resellerName, enabled, createdAt,
                getAllocation(), billingDay);
    }
}
