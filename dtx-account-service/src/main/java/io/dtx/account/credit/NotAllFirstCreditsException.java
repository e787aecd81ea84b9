package io.dtx.account.credit;

/**
 * A batch of payments could not be credited as one: one of them was credited before, names an
 * unknown account or is too old to prove new. Nothing of the batch was written; credited one by
 * one, each gets its own outcome.
 */
public class NotAllFirstCreditsException extends RuntimeException {

    public NotAllFirstCreditsException(String why) {
        super(why);
    }
}
