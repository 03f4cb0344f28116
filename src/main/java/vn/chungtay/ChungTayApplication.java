package vn.chungtay;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.chungtay.ledger.LedgerCsvVerifier;

@SpringBootApplication
public class ChungTayApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify-ledger".equals(args[0])) {
            // the public ledger's verifier: plain Java, no application context, no database
            System.exit(LedgerCsvVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(ChungTayApplication.class, args);
    }
}
