package ru.soko.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** The «ё» char filter must tokenize exactly as the mapping char filter it replaced: terms and offsets. */
class YoCharFilterTest {

    @Test
    void givesTheTermsAndOffsetsOfTheMappingCharFilter() throws IOException {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("ё", "е");
        builder.add("Ё", "Е");
        NormalizeCharMap yo = builder.build();
        String[] pieces = {"ёлка", "Ёж", "её", "ЕЁ", " ", "\n", "приём", "-", "5", "ё", "Ё", "ООО «Ёлочка»", "word"};
        Random random = new Random(5);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            assertEquals(tokens(new MappingCharFilter(yo, new StringReader(text))), tokens(new YoCharFilter(new StringReader(text))), text);
        }
    }

    private static List<String> tokens(Reader reader) throws IOException {
        List<String> out = new ArrayList<>();
        try (Tokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(reader);
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            tokenizer.end();
            out.add("end@" + offset.endOffset());
        }
        return out;
    }
}
