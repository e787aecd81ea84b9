package io.dtx.account.account;

import io.dtx.contract.RechargeRules;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the account service: what a balance is and which payments made it. */
@RestController
class AccountController {

    private static final int LATEST_CREDITS = 10;

    private final AccountMapper accounts;

    AccountController(AccountMapper accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = "/accounts/{accountNo}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    public AccountView account(
            @PathVariable @Pattern(regexp = RechargeRules.ACCOUNT_NO_PATTERN, message = "is not an account number")
                    String accountNo) {
        Account account = accounts.findByAccountNo(accountNo);
        if (account == null) {
            throw new AccountNotFoundException(accountNo);
        }
        return new AccountView(
                account.getAccountNo(),
                account.getAccountName(),
                account.getAccountBalance(),
                accounts.latestCredits(accountNo, LATEST_CREDITS));
    }
}
