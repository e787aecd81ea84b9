package io.dtx.account.account;

/** No account with that number. */
public class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(String accountNo) {
        super("No account '" + accountNo + "'.");
    }
}
