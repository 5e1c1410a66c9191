package org.vpspanel.account;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.PanelCommand;

/** {@code bin/vps-panel create-token USER [--name NAME]}: prints a new API token of an existing user. */
@Component
class CreateTokenCommand implements PanelCommand {

    static final String USAGE = "usage: vps-panel create-token USER [--name NAME]";
    private static final String DEFAULT_NAME = "create-token";

    private final ApiTokenService tokens;

    CreateTokenCommand(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "create-token";
    }

    @Override
    public int run(List<String> arguments, PrintStream output) {
        String user = null;
        String name = DEFAULT_NAME;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--name") && i + 1 < arguments.size()) {
                name = arguments.get(++i);
            } else if (argument.startsWith("--name=")) {
                name = argument.substring("--name=".length());
            } else if (user == null && !argument.startsWith("-")) {
                user = argument;
            } else {
                return usage();
            }
        }
        if (user == null) {
            return usage();
        }
        try {
            output.println(tokens.createForUser(user, name).token());
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("vps-panel create-token: " + e.getMessage());
            return 1;
        }
    }

    private static int usage() {
        System.err.println(USAGE);
        return 2;
    }
}
