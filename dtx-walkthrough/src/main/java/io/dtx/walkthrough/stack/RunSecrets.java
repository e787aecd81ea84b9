package io.dtx.walkthrough.stack;

import io.dtx.contract.MessageSigning;
import java.nio.file.Path;

/**
 * The secrets of one run, made fresh and kept in {@code .dtx/run/} readable by the owner only: the
 * internal endpoints' token, the pay side's message and request keys, the notifier's callback
 * secret, and the operator's token (the relay's routing by hand). They reach the services
 * through their environment, never a command line.
 */
record RunSecrets(
        String serviceToken, String messageKeys, String requestKeys, String callbackSecrets, String operatorToken) {

    /** The id of the run's message signing key, as the pay service names it in each message. */
    static final String MESSAGE_KEY_ID = "run";

    /** The id of the run's request key (the pay side's queue-first requests). */
    static final String REQUEST_KEY_ID = "run-requests";

    static RunSecrets create(Path runDir) {
        RunSecrets secrets = new RunSecrets(
                RunFiles.newServiceToken(),
                MessageSigning.newKeySpec(MESSAGE_KEY_ID),
                MessageSigning.newKeySpec(REQUEST_KEY_ID),
                RunFiles.newCallbackSecret(),
                RunFiles.newServiceToken());
        RunFiles.writeOwnerOnly(runDir.resolve("service-token"), secrets.serviceToken());
        RunFiles.writeOwnerOnly(runDir.resolve("message-keys"), secrets.messageKeys());
        RunFiles.writeOwnerOnly(runDir.resolve("request-keys"), secrets.requestKeys());
        RunFiles.writeOwnerOnly(runDir.resolve("callback-secrets"), secrets.callbackSecrets());
        RunFiles.writeOwnerOnly(runDir.resolve("operator-token"), secrets.operatorToken());
        return secrets;
    }

    /** Never the values: this may end up in a log line. */
    @Override
    public String toString() {
        return "RunSecrets[hidden]";
    }
}
