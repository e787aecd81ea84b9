package io.dtx.contract;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a valid recharge looks like, for every side that checks one: the pay service's API, the
 * account service's API and its message reader. One copy, so the two services cannot drift apart
 * (a message the pay side accepts but the account side calls poison would be money stuck between).
 *
 * <p>The patterns are constants so that Bean Validation annotations can use them.
 */
public final class RechargeRules {

    /** A transaction number: the pay side makes UUIDs; up to 64 letters, digits and dashes. */
    public static final String TX_NO_PATTERN = "[A-Za-z0-9-]{1,64}";

    /** An account number: up to 64 letters, digits, underscores and dashes. */
    public static final String ACCOUNT_NO_PATTERN = "[A-Za-z0-9_-]{1,64}";

    public static final String ACCOUNT_NO_MESSAGE = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -";

    /** A client's Idempotency-Key header. */
    public static final String IDEMPOTENCY_KEY_PATTERN = "[A-Za-z0-9_.:-]{1,128}";

    public static final String IDEMPOTENCY_KEY_MESSAGE = "must be 1-128 characters of A-Z, a-z, 0-9 and _.:-";

    /** The largest single recharge, as text for {@code @DecimalMax}. */
    public static final String MAX_AMOUNT_TEXT = "1000000.00";

    public static final BigDecimal MAX_AMOUNT = new BigDecimal(MAX_AMOUNT_TEXT);

    /** Whole cents: amounts have at most two decimal places. */
    public static final int AMOUNT_SCALE = 2;

    private static final Pattern TX_NO = Pattern.compile(TX_NO_PATTERN);
    private static final Pattern ACCOUNT_NO = Pattern.compile(ACCOUNT_NO_PATTERN);

    private RechargeRules() {}

    public static boolean isTxNo(String text) {
        return text != null && TX_NO.matcher(text).matches();
    }

    public static boolean isAccountNo(String text) {
        return text != null && ACCOUNT_NO.matcher(text).matches();
    }

    /** Greater than zero, at most {@link #MAX_AMOUNT}, whole cents. */
    public static boolean isAmount(BigDecimal amount) {
        return amount != null
                && amount.signum() > 0
                && amount.scale() <= AMOUNT_SCALE
                && amount.compareTo(MAX_AMOUNT) <= 0;
    }
}
