package io.dtx.relay.publish;

/** The broker did not acknowledge a message: the relay stops reading and starts again from its position. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
