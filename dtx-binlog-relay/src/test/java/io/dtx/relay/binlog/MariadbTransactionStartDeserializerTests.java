package io.dtx.relay.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** GTID event bodies as MariaDB 11.8 and 11.4 wrote them here (read off their binlog files). */
class MariadbTransactionStartDeserializerTests {

    private final MariadbTransactionStartDeserializer deserializer = new MariadbTransactionStartDeserializer();

    @Test
    void readsTheThreadIdThatMariaDb118WritesAfterTheFlags() throws IOException {
        // seq 5, domain 0, flags2 0x0c (transactional, allow parallel), flags_extra 0x10, thread 6, pad
        MariadbTransactionStart start = read("0500000000000000" + "00000000" + "0c" + "10" + "06000000" + "00");

        assertThat(start.sequence()).isEqualTo(5);
        assertThat(start.threadId()).isEqualTo(6);
        assertThat(start.standalone()).isFalse();
    }

    @Test
    void readsAStandaloneStatementsThreadToo() throws IOException {
        // flags2 0x29: standalone, allow parallel, DDL
        MariadbTransactionStart start = read("0100000000000000" + "00000000" + "29" + "10" + "05000000" + "00");

        assertThat(start.standalone()).isTrue();
        assertThat(start.threadId()).isEqualTo(5);
    }

    @Test
    void skipsAGroupCommitIdBeforeTheExtras() throws IOException {
        MariadbTransactionStart start =
                read("0700000000000000" + "00000000" + "0e" + "2a00000000000000" + "10" + "ffffffff");

        assertThat(start.threadId()).isEqualTo(0xffffffffL);
    }

    @Test
    void aServerThatWritesNoThreadIdLeavesZero() throws IOException {
        // MariaDB 11.4: 13 bytes and six zero bytes of padding.
        MariadbTransactionStart start = read("0300000000000000" + "00000000" + "0c" + "000000000000");

        assertThat(start.threadId()).isZero();
    }

    private MariadbTransactionStart read(String hex) throws IOException {
        return deserializer.deserialize(new ByteArrayInputStream(HexFormat.of().parseHex(hex)));
    }
}
