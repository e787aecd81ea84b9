package io.dtx.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.MessageSigning.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageSigningTests {

    private static final String OLD = MessageSigning.newKeySpec("k1");
    private static final String NEW = MessageSigning.newKeySpec("k2");
    private static final byte[] BODY =
            "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":10.00}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedBodyVerifies() {
        MessageSigning pay = MessageSigning.of(OLD, "k1");
        MessageSigning account = MessageSigning.of(OLD, null);

        Signature signature = pay.sign(BODY);

        assertThat(signature.keyId()).isEqualTo("k1");
        assertThat(account.verify(signature.keyId(), signature.value(), BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void oneChangedByteInTheBodyFails() {
        Signature signature = MessageSigning.of(OLD, "k1").sign(BODY);
        byte[] altered = new String(BODY, StandardCharsets.UTF_8)
                .replace("10.00", "90.00")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(MessageSigning.of(OLD, null).verify("k1", signature.value(), altered))
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void aKeyThisSideDoesNotHoldIsNotTrusted() {
        Signature forged =
                MessageSigning.of(MessageSigning.newKeySpec("k1"), "k1").sign(BODY);

        assertThat(MessageSigning.of(OLD, null).verify("k1", forged.value(), BODY))
                .isEqualTo(Verdict.INVALID);
        assertThat(MessageSigning.of(OLD, null).verify("k9", forged.value(), BODY))
                .isEqualTo(Verdict.UNKNOWN_KEY);
        assertThat(MessageSigning.of(OLD, null).verify(null, null, BODY)).isEqualTo(Verdict.MISSING);
    }

    @Test
    void duringARotationBothKeysVerify() {
        MessageSigning account = MessageSigning.of(OLD + "," + NEW, null);
        Signature before = MessageSigning.of(OLD + "," + NEW, "k1").sign(BODY);
        Signature after = MessageSigning.of(OLD + "," + NEW, "k2").sign(BODY);

        assertThat(account.verify(before.keyId(), before.value(), BODY)).isEqualTo(Verdict.VALID);
        assertThat(account.verify(after.keyId(), after.value(), BODY)).isEqualTo(Verdict.VALID);
        assertThat(MessageSigning.of(NEW, null).verify(before.keyId(), before.value(), BODY))
                .as("after the old key is dropped")
                .isEqualTo(Verdict.UNKNOWN_KEY);
    }

    @Test
    void missingOrWeakKeysStopTheServiceWithAMessage() {
        assertThatThrownBy(() -> MessageSigning.of("", null)).hasMessageContaining("DTX_MESSAGE_KEYS");
        assertThatThrownBy(() -> MessageSigning.of("k1:c2hvcnQ", null)).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> MessageSigning.of("k1", null)).hasMessageContaining("id:secret");
        assertThatThrownBy(() -> MessageSigning.of(OLD, "k2")).hasMessageContaining("DTX_MESSAGE_KEY_ID");
        assertThatThrownBy(() -> MessageSigning.of(OLD, null).sign(BODY)).hasMessageContaining("DTX_MESSAGE_KEY_ID");
    }

    @Test
    void standardBase64FromOpensslIsAccepted() {
        String openssl = "k1:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

        assertThat(MessageSigning.of(openssl, "k1").sign(BODY).keyId()).isEqualTo("k1");
    }
}
