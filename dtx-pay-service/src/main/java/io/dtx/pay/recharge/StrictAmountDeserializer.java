package io.dtx.pay.recharge;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an amount as a JSON number or as a string of plain ASCII digits ({@code "100.00"}).
 * Jackson alone would also take {@code "100 "} (it trims), {@code "１００"} or {@code "١٠٠"}
 * (BigDecimal reads any Unicode digit) and {@code "1e2"}; for money, what the client wrote
 * must be exactly what is stored, so anything else is refused with 400.
 */
class StrictAmountDeserializer extends ValueDeserializer<BigDecimal> {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,20})?");

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getString();
            if (PLAIN_DECIMAL.matcher(text).matches()) {
                return new BigDecimal(text);
            }
            return (BigDecimal) context.handleWeirdStringValue(
                    BigDecimal.class, text, "not a plain decimal amount such as \"100.00\"");
        }
        return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
    }
}
