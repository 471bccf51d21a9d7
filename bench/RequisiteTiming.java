import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import ru.soko.requisites.ExtractedRequisites;
import ru.soko.requisites.IssuerDirectory;
import ru.soko.requisites.RequisiteExtractor;
import ru.soko.util.Json;

/**
 * Times RequisiteExtractor alone over a text corpus and writes what it read, one JSON line per
 * document, so two builds can be compared byte for byte:
 * java -cp target/soko-archive.jar bench/RequisiteTiming.java CORPUS OUT.jsonl [PASSES]
 */
public class RequisiteTiming {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus.resolve("docs"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        RequisiteExtractor extractor = new RequisiteExtractor(IssuerDirectory.load(Optional.empty()));
        var bean = ManagementFactory.getThreadMXBean();
        List<String> out = new ArrayList<>(texts.size());
        for (int pass = 0; pass < passes; pass++) {
            out.clear();
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (String t : texts) {
                ExtractedRequisites r = extractor.extract(t, Map.of());
                out.add(Json.write(r));
            }
            System.out.printf("pass %d: %d docs, cpu %.2f s (%.3f ms/doc), wall %.2f s%n", pass, texts.size(),
                    (bean.getCurrentThreadCpuTime() - cpu) / 1e9, (bean.getCurrentThreadCpuTime() - cpu) / 1e6 / texts.size(),
                    (System.nanoTime() - wall) / 1e9);
        }
        if (args.length > 1) {
            Files.write(Path.of(args[1]), out, StandardCharsets.UTF_8);
        }
    }
}
