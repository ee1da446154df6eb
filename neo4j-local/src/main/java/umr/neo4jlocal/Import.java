package umr.neo4jlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import picocli.CommandLine;

/**
 * Runs Neo4j's offline importer ({@code neo4j-admin database import full}) on the database of a
 * local Neo4j's data folder, which must not be running: the store is built from CSV files in one
 * pass, without transactions. {@code umr ingest --bulk} writes the CSV and calls this.
 *
 * <p>Arguments: {@code --home DIR} followed by the importer's own options (its names, as
 * {@code neo4j-admin database import full --help} lists them). The exit code is the importer's.
 */
public final class Import {
    public static void main(String[] args) {
        if (args.length < 2 || !args[0].equals("--home")) {
            System.err.println("UMR_IMPORT_FAILED expected --home DIR followed by the importer's options");
            System.exit(64);
        }
        Path home = Path.of(args[1]).toAbsolutePath();
        Path conf = home.resolve("conf");
        try {
            Files.createDirectories(conf);
        } catch (java.io.IOException e) {
            System.err.println("UMR_IMPORT_FAILED " + e.getMessage());
            System.exit(2);
        }
        ExecutionContext ctx = new ExecutionContext(home, conf);
        int code = new CommandLine(new ImportCommand.Full(ctx)).execute(Arrays.copyOfRange(args, 2, args.length));
        System.exit(code);
    }
}
