package io.dtx.pay.queuefirst;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.MessageSigning.Verdict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys that sign write-queue-first requests: the pay service's alone. The account side holds
 * the message keys (it must verify what it credits), so a request signed with those would only
 * prove that one of the two services wrote it; a request makes the pay service take a payment, so
 * it must prove the pay service wrote it. The service refuses to start without its own keys, or
 * with the message keys in their place.
 */
@Component
class RequestSigning {

    private final MessageSigning signing;

    RequestSigning(
            @Value("${dtx.pay.requests.keys:}") String keys,
            @Value("${dtx.pay.requests.key-id:}") String keyId,
            @Value("${dtx.messaging.keys:}") String messageKeys) {
        if (keys.isBlank() || keyId.isBlank()) {
            throw new IllegalStateException("DTX_REQUEST_KEYS and DTX_REQUEST_KEY_ID (dtx.pay.requests.keys and"
                    + " .key-id) must be set: the keys only the pay service holds, which sign its queue-first"
                    + " requests, written id:secret like the message keys; ./dtx and the tests generate them,"
                    + " docker compose reads them from .env");
        }
        if (keys.strip().equals(messageKeys.strip())) {
            throw new IllegalStateException(
                    "DTX_REQUEST_KEYS must differ from DTX_MESSAGE_KEYS: the account service holds those");
        }
        this.signing = MessageSigning.forSigning(keys, keyId);
    }

    Signature sign(byte[] signed) {
        return signing.sign(signed);
    }

    Verdict verify(String keyId, String signature, byte[] signed) {
        return signing.verify(keyId, signature, signed);
    }
}
