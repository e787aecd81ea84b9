package io.dtx.account.credit;

/** The payment names an account this bank does not hold: retrying can never succeed. */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String accountNo) {
        super("No account '" + accountNo + "'.");
    }
}
