package ru.soko.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Charset detection that knows the archive's texts are Russian. Tika's statistical detectors read
 * a short UTF-8 order as GB18030 and the like; here valid UTF-8 is taken as UTF-8, a Cyrillic
 * single-byte guess is trusted, and any other guess is checked against Windows-1251, KOI8-R and
 * CP866 by how Russian the decoded letters look.
 */
public final class RussianEncodingDetector implements EncodingDetector {

    private static final int SAMPLE = 64 * 1024;
    private static final List<Charset> CYRILLIC = List.of(Charset.forName("windows-1251"), Charset.forName("KOI8-R"),
            Charset.forName("IBM866"));
    /** UTF-16 without a byte-order mark: Russian letters come out as ASCII-range bytes next to 0x04. */
    private static final List<Charset> WIDE = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
    private static final Set<String> TRUSTED = Set.of("windows-1251", "koi8-r", "ibm866", "iso-8859-5", "x-mac-cyrillic",
            "utf-8", "utf-16le", "utf-16be", "us-ascii");
    /** The most frequent Russian letters; in real text they make up about half of all letters. */
    private static final String FREQUENT = "оеаинтсрвл";

    private final EncodingDetector fallback = new DefaultEncodingDetector();

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null) {
            return null;
        }
        input.mark(SAMPLE);
        byte[] sample;
        try {
            sample = input.readNBytes(SAMPLE);
        } finally {
            input.reset();
        }
        if (hasUtf8Bom(sample) || isStrictUtf8(sample)) {
            return StandardCharsets.UTF_8;
        }
        java.util.Optional<Charset> wide = mostRussian(sample, 0.35, WIDE);
        if (wide.isPresent()) {
            return wide.get();
        }
        Charset guess = fallback.detect(input, metadata);
        if (guess != null && TRUSTED.contains(guess.name().toLowerCase(java.util.Locale.ROOT))) {
            return guess;
        }
        // Another guess stands only when no Cyrillic decoding reads clearly as Russian.
        return mostRussian(sample, 0.35).orElse(guess);
    }

    private static java.util.Optional<Charset> mostRussian(byte[] sample, double floor) {
        return mostRussian(sample, floor, CYRILLIC);
    }

    private static java.util.Optional<Charset> mostRussian(byte[] sample, double floor, List<Charset> candidates) {
        Charset best = null;
        double bestScore = floor;
        for (Charset candidate : candidates) {
            double score = russianScore(new String(sample, candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * The charset of a Russian text file without asking Tika (registry sheets): UTF-8 when the
     * bytes are UTF-8, else the Cyrillic single-byte charset whose letters look most Russian.
     */
    public static Charset guess(byte[] sample) {
        if (hasUtf8Bom(sample) || isStrictUtf8(sample)) {
            return StandardCharsets.UTF_8;
        }
        return mostRussian(sample, -1).orElse(CYRILLIC.get(0));
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** Valid UTF-8 with at least one multi-byte letter: single-byte Russian text almost never is. */
    static boolean isStrictUtf8(byte[] sample) {
        boolean nonAscii = false;
        for (byte b : sample) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        int end = sample.length;
        // The sample may end inside a multi-byte character; drop that partial tail before checking.
        for (int i = sample.length - 1; i >= Math.max(0, sample.length - 4); i--) {
            if ((sample[i] & 0xC0) == 0xC0) {
                end = i;
                break;
            }
            if ((sample[i] & 0x80) == 0) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static double russianScore(String text) {
        long cyrillic = 0;
        long frequent = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'а' && c <= 'я' || c == 'ё') {
                cyrillic++;
                if (FREQUENT.indexOf(c) >= 0) {
                    frequent++;
                }
            }
        }
        return cyrillic < 20 ? 0 : (double) frequent / cyrillic;
    }
}
