package io.dtx.pay.queuefirst;

import io.dtx.pay.recharge.RechargeRequest;
import io.dtx.pay.recharge.RechargeService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.apache.rocketmq.client.producer.SendStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts a recharge request by writing it to the broker, and nothing else: no row anywhere until
 * the pay service consumes it ({@link RequestPayment}). The client gives up an immediate answer;
 * it gains a request that survives a pay service or a database that is down right now.
 */
@Service
class RechargeRequests {

    private static final Logger log = LoggerFactory.getLogger(RechargeRequests.class);

    private final RequestSender sender;
    private final RequestTable table;

    RechargeRequests(RequestSender sender, RequestTable table) {
        this.sender = sender;
        this.table = table;
    }

    RequestStatus accept(RechargeRequest request, String idempotencyKey) {
        BigDecimal amount = request.exactAmount();
        RechargeRequested requested = new RechargeRequested(
                UUID.randomUUID().toString(),
                request.accountNo(),
                amount,
                idempotencyKey,
                RechargeService.hash(request.accountNo(), amount),
                Instant.now());
        SendStatus stored;
        try {
            stored = sender.send(requested);
        } catch (RequestNotAcceptedException e) {
            return refuse(requested.requestId(), e);
        }
        if (stored != SendStatus.SEND_OK) {
            // In the broker's memory, not yet flushed or replicated: not what "accepted" promises.
            return refuse(requested.requestId(), new RequestNotAcceptedException(requested.requestId(), true, null));
        }
        return RequestStatus.accepted(requested.requestId());
    }

    /**
     * Makes the 503 true: the request id is decided as rejected first, so a copy the broker did
     * store after all pays nothing when it is consumed (the consumer claims the id first too). If
     * the consumer got there first, its decision is the answer; if the database cannot be asked,
     * the outcome is unknown, and the reply says so.
     */
    private RequestStatus refuse(String requestId, RequestNotAcceptedException refusal) {
        try {
            table.claim(requestId, "rejected", null, "the broker did not confirm it stored the request: never paid");
        } catch (DuplicateKeyException consumedMeanwhile) {
            return table.find(requestId).orElseThrow();
        } catch (DataAccessException e) {
            log.warn("Could not record recharge request {} as not accepted: outcome unknown", requestId, e);
            throw new RequestNotAcceptedException(requestId, false, refusal);
        }
        throw refusal;
    }

    /**
     * Decided requests have a row; any other well-formed id reads ACCEPTED: the pay side keeps
     * nothing before it pays, so "accepted and waiting" and "never issued" look the same here.
     * Request ids are random UUIDs that only their client knows.
     */
    RequestStatus status(String requestId) {
        return table.find(requestId).orElseGet(() -> RequestStatus.accepted(requestId));
    }
}
