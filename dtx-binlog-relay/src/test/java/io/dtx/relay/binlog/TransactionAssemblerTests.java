package io.dtx.relay.binlog;

import static io.dtx.relay.binlog.BinlogEvents.gtid;
import static io.dtx.relay.binlog.BinlogEvents.insert;
import static io.dtx.relay.binlog.BinlogEvents.query;
import static io.dtx.relay.binlog.BinlogEvents.rotate;
import static io.dtx.relay.binlog.BinlogEvents.tableMap;
import static io.dtx.relay.binlog.BinlogEvents.update;
import static io.dtx.relay.binlog.BinlogEvents.xid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionAssemblerTests {

    private final TransactionAssembler assembler = new TransactionAssembler("bank1_pay", "account_pay", "dtx_relay");

    TransactionAssemblerTests() {
        assembler.startAt(new BinlogPosition("binlog.000001", 4));
    }

    @Test
    void aMariaDbTransactionCommitsAtItsXidWithEveryRowItsThreadAndTheXidsPosition() {
        List<CommittedTransaction> committed = feed(
                gtid(6, false),
                tableMap(70, "bank1_pay", "account_pay"),
                insert(70, "tx-1", "success"),
                insert(70, "tx-2", "rolled_back"),
                xid(811));

        assertThat(committed).hasSize(1);
        CommittedTransaction transaction = committed.get(0);
        assertThat(transaction.threadId()).isEqualTo(6);
        assertThat(transaction.serverId()).isEqualTo(1);
        assertThat(transaction.next()).isEqualTo(new BinlogPosition("binlog.000001", 811));
        assertThat(transaction.payments()).extracting(PaymentRow::txNo).containsExactly("tx-1", "tx-2");
        assertThat(transaction.payments()).extracting(PaymentRow::succeeded).containsExactly(true, false);
        assertThat(transaction.payments().get(0).amount()).isEqualByComparingTo("12.50");
        assertThat(transaction.onlyOwnWrites()).isFalse();
    }

    @Test
    void aSavepointInsideAMySqlTransactionIsPartOfIt() {
        List<CommittedTransaction> committed = feed(
                query("BEGIN", 9, 300),
                tableMap(70, "bank1_pay", "account_pay"),
                insert(70, "tx-1", "success"),
                query("SAVEPOINT `a`", 9, 500),
                tableMap(70, "bank1_pay", "account_pay"),
                insert(70, "tx-2", "success"),
                xid(900));

        assertThat(committed).singleElement().satisfies(transaction -> {
            assertThat(transaction.threadId()).isEqualTo(9);
            assertThat(transaction.payments()).hasSize(2);
        });
    }

    @Test
    void aRollbackThrowsTheTransactionAwayAndAStatementOfItsOwnCommitsEmpty() {
        List<CommittedTransaction> committed = feed(
                query("BEGIN", 9, 300),
                tableMap(70, "bank1_pay", "account_pay"),
                insert(70, "tx-1", "success"),
                query("ROLLBACK", 9, 400),
                query("CREATE TABLE t (i INT)", 9, 600));

        assertThat(committed).singleElement().satisfies(ddl -> {
            assertThat(ddl.payments()).isEmpty();
            assertThat(ddl.next().offset()).isEqualTo(600);
        });
    }

    @Test
    void onlyTheRelaysOwnWritesAreMarkedSo() {
        List<CommittedTransaction> committed =
                feed(gtid(3, false), tableMap(90, "dtx_relay", "relay_position"), xid(1000));

        assertThat(committed)
                .singleElement()
                .satisfies(t -> assertThat(t.onlyOwnWrites()).isTrue());
    }

    @Test
    void aRotationBetweenTransactionsIsProgressButNotInsideOne() {
        assertThat(feed(rotate("binlog.000002", 4)))
                .singleElement()
                .satisfies(t -> assertThat(t.next()).isEqualTo(new BinlogPosition("binlog.000002", 4)));
        assertThat(feed(gtid(3, false), rotate("binlog.000003", 4))).isEmpty();
    }

    @Test
    void whatItCannotReadWholeStopsItInsteadOfBeingSkipped() {
        assertThatThrownBy(() -> feed(query("XA START 'x'", 1, 10))).hasMessageContaining("XA");
        assertThatThrownBy(() -> feed(BinlogEvents.of(EventType.TRANSACTION_PAYLOAD)))
                .hasMessageContaining("compress");
        assertThatThrownBy(() -> feed(gtid(1, false), tableMap(70, "bank1_pay", "account_pay"), update(70)))
                .hasMessageContaining("UPDATE");
        assertThatThrownBy(() -> feed(gtid(1, false), insert(71, "tx-9", "success")))
                .hasMessageContaining("without its table map");
        assertThatThrownBy(
                        () -> feed(gtid(1, false), tableMap(70, "bank1_pay", "account_pay"), insert(70, "tx", "odd")))
                .hasMessageContaining("does not know");
    }

    private List<CommittedTransaction> feed(Event... events) {
        List<CommittedTransaction> committed = new ArrayList<>();
        for (Event event : events) {
            assembler.accept(event).ifPresent(committed::add);
        }
        return committed;
    }
}
