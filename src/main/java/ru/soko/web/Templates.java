package ru.soko.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Mustache templates from the project's {@code templates/} folder when it is there (edit and
 * reload), else from the copy inside the jar. Mustache escapes every {{value}}; only snippets
 * that the search layer escaped itself are written raw.
 */
public final class Templates {

    private final MustacheFactory factory;
    private final Optional<Path> dir;

    public Templates(Optional<Path> dir) {
        this.dir = dir;
        DefaultMustacheFactory factory = dir.map(d -> new DefaultMustacheFactory(d.toFile()))
                .orElseGet(() -> new DefaultMustacheFactory("templates"));
        factory.setObjectHandler(new ZeroIsFalse());
        this.factory = factory;
    }

    /**
     * Makes {@code {{#list.size}}…{{/list.size}}} show its block only when the list has items, as
     * the templates mean it: plain Mustache.java counts the number 0 as true.
     */
    private static final class ZeroIsFalse extends ReflectionObjectHandler {

        @Override
        public Writer iterate(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
            return zero(object) ? writer : super.iterate(iteration, writer, object, scopes);
        }

        @Override
        public Writer falsey(Iteration iteration, Writer writer, Object object, List<Object> scopes) {
            return zero(object) ? iteration.next(writer, object, scopes) : super.falsey(iteration, writer, object, scopes);
        }

        private static boolean zero(Object object) {
            return object instanceof Number n && n.doubleValue() == 0;
        }
    }

    public String render(String name, Object model) {
        return render(name, new Object[] {model});
    }

    /** Renders with several scopes; a name is looked up in the last scope first. */
    public String render(String name, Object... scopes) {
        Mustache mustache = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        mustache.execute(out, java.util.Arrays.asList(scopes));
        return out.toString();
    }

    /** A static asset kept beside the templates, such as {@code static/site.css}. */
    public String asset(String relative) {
        try {
            if (dir.isPresent()) {
                return Files.readString(dir.get().resolve(relative), StandardCharsets.UTF_8);
            }
            try (InputStream in = Templates.class.getClassLoader().getResourceAsStream("templates/" + relative)) {
                if (in == null) {
                    throw new IOException("no asset " + relative);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
