package org.openpayloads.sample.stripe;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./payloads stripe <command>}: the Stripe demo's tools. */
@Command(name = "payloads stripe", mixinStandardHelpOptions = true,
        subcommands = {SendEventsCommand.class, SimulatorCommand.class}, description = "Tools for the Stripe demo.")
public final class StripeTools implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StripeTools()).execute(args));
    }
}
