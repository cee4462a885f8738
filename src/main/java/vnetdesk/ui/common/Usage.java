package vnetdesk.ui.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** The fraction a usage bar shows; no toolkit class, so ViewModels and their tests can use it. */
public final class Usage {

    private Usage() {
    }

    /** used / size between 0 and 1, exact for sizes beyond a long (a /64); 0 for an empty size. */
    public static double fraction(long used, BigInteger size) {
        if (size.signum() == 0) {
            return 0;
        }
        return new BigDecimal(used).divide(new BigDecimal(size), MathContext.DECIMAL64).doubleValue();
    }
}
