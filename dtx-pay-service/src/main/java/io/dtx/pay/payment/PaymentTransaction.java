package io.dtx.pay.payment;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The local transaction a publisher writes a payment in (with whatever its pattern adds), and
 * the one reading of its failures every publisher shares: a taken key means not recorded, and
 * any other failure may or may not have committed, which the database decides
 * ({@link PaymentLedger#settle}), not a guess.
 */
@Component
public class PaymentTransaction {

    private static final Logger log = LoggerFactory.getLogger(PaymentTransaction.class);

    private final TransactionTemplate transaction;

    PaymentTransaction(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        transaction.setTimeout(5);
    }

    /**
     * Runs {@code work} in one local transaction.
     *
     * @return its result if the transaction certainly committed; empty if it did not, or may not have
     */
    public <T> Optional<T> commit(Supplier<T> work) {
        try {
            return Optional.of(transaction.execute(status -> work.get()));
        } catch (DuplicateKeyException e) {
            log.info(
                    "Payment not recorded, key taken: {}",
                    e.getMostSpecificCause().getMessage());
            return Optional.empty();
        } catch (DataAccessException | TransactionException e) {
            log.warn("Local transaction failed; asking the database whether it committed", e);
            return Optional.empty();
        }
    }
}
