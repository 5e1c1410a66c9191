package org.vpspanel.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.vpspanel.account.AccountService;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.Allocation;
import org.vpspanel.account.NewAccount;
import org.vpspanel.node.IpPoolDraft;
import org.vpspanel.node.IpPoolService;
import org.vpspanel.node.NodeDraft;
import org.vpspanel.node.NodeService;
import org.vpspanel.node.NodeSummary;
import org.vpspanel.plan.OverQuotaAction;
import org.vpspanel.plan.PlanDraft;
import org.vpspanel.plan.PlanService;
import org.vpspanel.plan.PlanSummary;
import org.vpspanel.resources.ResourceField;
import org.vpspanel.resources.Resources;
import org.vpspanel.resources.Units;
import org.vpspanel.template.TemplateService;

/**
 * Base of every test that needs the running panel: the whole app on a random port with its own embedded
 * PostgreSQL (see {@link FreshPanelContextCustomizerFactory}). All subclasses share one Spring context, so
 * do not add configuration that changes it (mock beans, properties); each test starts from the state of
 * the first start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PanelTest {

    protected static final String ADMIN = "admin";
    /** The password of every account the helpers below open. */
    protected static final String PASSWORD = "correct horse battery";
    protected static final Allocation ALLOCATION = new Allocation(10, 20, Units.parseSize("64G"),
            Units.parseSize("1T"), 16);

    @Autowired
    protected TestDatabase database;

    @Autowired
    protected StartupConsole startupConsole;

    @Autowired
    protected AccountService accounts;

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private NodeService nodeService;

    @Autowired
    private IpPoolService ipPoolService;

    @Autowired
    private PlanService planService;

    @Autowired
    private TemplateService templateService;

    @BeforeEach
    void startFromFirstStart() {
        SecurityContextHolder.clearContext();
        database.resetToFirstStart();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Makes the calls that follow on this thread act for the user, as after a real login. */
    protected void signIn(String username) {
        UserDetails user = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** Runs one call as the user and returns to whoever was signed in before. */
    protected <T> T as(String username, Supplier<T> call) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        signIn(username);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /** An account form for the user name, with {@link #PASSWORD}. */
    protected static NewAccount newAccount(String username) {
        return new NewAccount(username, username + "@example.com", "Test " + username, PASSWORD);
    }

    /** A reseller opened by the admin, with {@link #ALLOCATION}. */
    protected AccountSummary createReseller(String username) {
        return as(ADMIN, () -> accounts.createReseller(newAccount(username), ALLOCATION));
    }

    /**
     * The node "node1" run by the agent (2 cores, 4G, 20G, CPU overcommit 4), online, with the pool "lan" of
     * addresses .10 to .20 in 10.213.{subnet}.0/24: addresses inside test namespaces only.
     */
    protected NodeSummary nodeWithAgent(AgentProcess agent, int subnet) {
        NodeSummary node = as(ADMIN, () -> nodeService.create(new NodeDraft("node1", "localhost", 2,
                Units.parseSize("4G"), Units.parseSize("20G"), 4, 1, 1)));
        as(ADMIN, () -> nodeService.connectLocalAgent(node.id(), agent.socket().toString()));
        String network = "10.213." + subnet + ".";
        as(ADMIN, () -> ipPoolService.create(new IpPoolDraft("lan", node.id(), network + "0/24", network + "1",
                network + "10", network + "20")));
        return as(ADMIN, () -> nodeService.checkAgent(node.id()));
    }

    /**
     * A node without an agent (8 cores, 32G, 1T, CPU overcommit 4) with the pool "{name}-lan" of addresses .10 to
     * .200 in 10.214.{subnet}.0/24: partitions sold there are saved but never built.
     */
    protected NodeSummary nodeWithoutAgent(String name, int subnet) {
        NodeSummary node = as(ADMIN, () -> nodeService.create(new NodeDraft(name, name + ".example.com", 8,
                Units.parseSize("32G"), Units.parseSize("1T"), 4, 1, 1)));
        String network = "10.214." + subnet + ".";
        as(ADMIN, () -> ipPoolService.create(new IpPoolDraft(name + "-lan", node.id(), network + "0/24", network + "1",
                network + "10", network + "200")));
        return node;
    }

    /** A plan of the owner (a reseller, or the admin) small enough for many test partitions: 64M, 256M disk. */
    protected PlanSummary tinyPlan(String owner, String name) {
        return as(owner, () -> planService.create(new PlanDraft(name, Resources.defaults()
                .with(ResourceField.MEMORY, Units.parseSize("64M")).with(ResourceField.DISK, Units.parseSize("256M"))
                .with(ResourceField.DISK_INODES, 20_000), OverQuotaAction.SUSPEND, 0, null)));
    }

    /** The id of the built-in busybox template, the quickest to create. */
    protected long busyboxTemplateId() {
        return as(ADMIN, templateService::all).stream().filter(template -> template.name().equals("busybox"))
                .findFirst().orElseThrow().id();
    }

    /** A customer opened by its reseller. */
    protected AccountSummary createCustomer(String username, AccountSummary reseller) {
        return as(reseller.username(), () -> accounts.createCustomer(newAccount(username), null, null));
    }
}
